import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCaller } from '../aws/caller.js';
import { orUndefinedIfNotFound } from '../aws/errors.js';

/** Pages to read at most: a filtered search may return short pages before it reaches the limit. */
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
    const events: FilteredLogEvent[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await orUndefinedIfNotFound(
        this.aws.call('logs:FilterLogEvents', region, (m) => m.FilterLogEventsCommand, {
          logGroupName,
          startTime: search.startTime,
          endTime: search.endTime,
          filterPattern: search.filterPattern,
          limit: search.limit - events.length,
          startFromHead: false,
          ...(token ? { nextToken: token } : {}),
        }),
      );
      if (!out) return undefined;
      events.push(...(out.events ?? []));
      token = out.nextToken;
      if (!token || events.length >= search.limit) break;
    }
    return events.sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0)).slice(0, search.limit);
  }
}
