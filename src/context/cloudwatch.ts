import type { AwsCaller } from '../aws/caller.js';

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
}
