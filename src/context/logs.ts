import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCaller } from '../aws/caller.js';
import { orUndefinedIfNotFound } from '../aws/errors.js';
import { readPages } from '../aws/pages.js';

/** Pages to read at most: a filtered search may return short or empty pages before it reaches the limit. */
const MAX_PAGES = 5;

export interface LogSearch {
  /** The window, in epoch milliseconds. */
  startTime: number;
  endTime: number;
  filterPattern: string;
  /** How many of the most recent matching events to return. */
  limit: number;
}

/** CloudWatch Logs reads. */
export class LogsFacts {
  constructor(private readonly aws: AwsCaller) {}

  /**
   * The most recent events of a log group that match the pattern, newest first (`startFromHead: false`),
   * or undefined when the log group does not exist.
   */
  async recentEvents(region: string, logGroupName: string, search: LogSearch): Promise<FilteredLogEvent[] | undefined> {
    const group = { missing: false };
    let found = 0;
    const { items: events } = await readPages(
      'logs:FilterLogEvents',
      region,
      async (token) => {
        const out = await orUndefinedIfNotFound(
          this.aws.call('logs:FilterLogEvents', region, (m) => m.FilterLogEventsCommand, {
            logGroupName,
            startTime: search.startTime,
            endTime: search.endTime,
            filterPattern: search.filterPattern,
            limit: search.limit - found,
            startFromHead: false,
            ...(token ? { nextToken: token } : {}),
          }),
        );
        group.missing = !out;
        found += out?.events?.length ?? 0;
        return { items: out?.events ?? [], next: out?.nextToken };
      },
      { maxPages: MAX_PAGES, enough: (found) => found.length >= search.limit },
    );
    if (group.missing) return undefined;
    return events.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0)).slice(0, search.limit);
  }
}
