import type { AwsCaller } from '../aws/caller.js';

export interface MetricQuery {
  /** The id the result comes back under (lower-case first letter, as GetMetricData requires). */
  id: string;
  namespace: string;
  metricName: string;
  /** e.g. `{ FunctionName: 'shop-sender' }`; the metric must carry exactly these dimensions. */
  dimensions?: Readonly<Record<string, string>>;
  stat: 'Sum' | 'Maximum' | 'Average' | 'Minimum' | 'SampleCount';
}

/** The window of a recent-metrics read: hourly datapoints, so any `--since` stays a few hundred points. */
const WINDOW_PERIOD_S = 3600;

/** CloudWatch metric reads. */
export class CloudWatchFacts {
  constructor(
    private readonly aws: AwsCaller,
    private readonly now: Date,
  ) {}

  /**
   * The largest value of a dimensionless metric since the start of this UTC month, or undefined
   * when it has no datapoint (e.g. AWS/SNS SMSMonthToDateSpentUSD, which only grows within a month).
   */
  async monthMaximum(region: string, namespace: string, metricName: string): Promise<number | undefined> {
    const start = new Date(Date.UTC(this.now.getUTCFullYear(), this.now.getUTCMonth(), 1));
    const out = await this.aws.call('cloudwatch:GetMetricData', region, (m) => m.GetMetricDataCommand, {
      MetricDataQueries: [
        {
          Id: 'm1',
          MetricStat: { Metric: { Namespace: namespace, MetricName: metricName }, Period: 86400, Stat: 'Maximum' },
        },
      ],
      StartTime: start,
      EndTime: this.now,
    });
    const values = out.MetricDataResults?.[0]?.Values ?? [];
    return values.length ? Math.max(...values) : undefined;
  }

  /**
   * Hourly datapoints of several metrics (with dimensions) over the last `sinceMs`, in one request:
   * by query id, the values CloudWatch returned (empty when the metric has no datapoint).
   */
  async recent(region: string, queries: readonly MetricQuery[], sinceMs: number): Promise<Record<string, number[]>> {
    const out = await this.aws.call('cloudwatch:GetMetricData', region, (m) => m.GetMetricDataCommand, {
      MetricDataQueries: queries.map((q) => ({
        Id: q.id,
        MetricStat: {
          Metric: {
            Namespace: q.namespace,
            MetricName: q.metricName,
            ...(q.dimensions
              ? { Dimensions: Object.entries(q.dimensions).map(([Name, Value]) => ({ Name, Value })) }
              : {}),
          },
          Period: WINDOW_PERIOD_S,
          Stat: q.stat,
        },
      })),
      StartTime: new Date(this.now.getTime() - sinceMs),
      EndTime: this.now,
    });
    const byId = new Map((out.MetricDataResults ?? []).map((r) => [r.Id, r.Values ?? []]));
    return Object.fromEntries(queries.map((q) => [q.id, byId.get(q.id) ?? []]));
  }

  /** A Lambda function's errors (sum) and slowest invocation (ms) over the last `sinceMs`. */
  async lambdaHealth(
    region: string,
    functionName: string,
    sinceMs: number,
  ): Promise<{ errors: number | undefined; maxDurationMs: number | undefined }> {
    const dimensions = { FunctionName: functionName };
    const values = await this.recent(
      region,
      [
        { id: 'errors', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions, stat: 'Sum' },
        { id: 'duration', namespace: 'AWS/Lambda', metricName: 'Duration', dimensions, stat: 'Maximum' },
      ],
      sinceMs,
    );
    const errors = values.errors!;
    const durations = values.duration!;
    return {
      errors: errors.length ? errors.reduce((a, b) => a + b, 0) : undefined,
      maxDurationMs: durations.length ? Math.max(...durations) : undefined,
    };
  }
}
