import type { Event } from '@aws-sdk/client-cloudtrail';
import type { AwsCaller } from '../aws/caller.js';
import { readPages } from '../aws/pages.js';

/** LookupEvents returns at most 50 events a page and allows 2 requests a second: read a bounded history. */
const PAGE_SIZE = 50;
const MAX_PAGES = 4;

/** CloudTrail's event history keeps the management events of the last 90 days. */
export const EVENT_HISTORY_MS = 90 * 86_400_000;

export interface EventHistory {
  /** Newest first. */
  events: Event[];
  /** True when more events matched than were read (a busy pool): older ones were not looked at. */
  truncated: boolean;
}

/** CloudTrail event-history reads (always on: the last 90 days of management events, per Region). */
export class CloudTrailFacts {
  constructor(private readonly aws: AwsCaller) {}

  /** Every `eventName` event in the Region and window, newest first. LookupEvents allows one attribute only. */
  async eventsNamed(region: string, eventName: string, start: Date, end: Date): Promise<EventHistory> {
    const read = await readPages(
      'cloudtrail:LookupEvents',
      region,
      async (token) => {
        const out = await this.aws.call('cloudtrail:LookupEvents', region, (m) => m.LookupEventsCommand, {
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
          StartTime: start,
          EndTime: end,
          MaxResults: PAGE_SIZE,
          ...(token ? { NextToken: token } : {}),
        });
        return { items: out.Events ?? [], next: out.NextToken };
      },
      { maxPages: MAX_PAGES },
    );
    const events = read.items.sort((a, b) => (b.EventTime?.getTime() ?? 0) - (a.EventTime?.getTime() ?? 0));
    return { events, truncated: !read.complete };
  }
}
