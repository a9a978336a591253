// CloudWatch GetMetricData, in both wire forms: awsJson1_0 query-compatible (SDK v3) and awsQuery
// (Debian's AWS CLI). World: `cloudwatch.<region>.metrics[key]` = value(s), one per datapoint (newest
// first, an hour apart), returned whatever the Stat. The key is `<Namespace>/<MetricName>` for a
// metric without dimensions (`AWS/SNS/SMSMonthToDateSpentUSD`) and `<Namespace>/<MetricName>[<Name>=<Value>,…]`,
// dimensions sorted by name, for one with (`AWS/Lambda/Errors[FunctionName=shop-email-sender]`).

import { regional, type FakeRequest, type ServiceDef } from '../service.js';

export interface CloudWatchWorld {
  metrics?: Record<string, number | number[]>;
}

interface Metric {
  Namespace: string;
  MetricName: string;
  Dimensions?: { Name: string; Value: string }[];
}

interface Query {
  Id: string;
  MetricStat?: { Metric: Metric; Stat?: string };
}

export function metricKey(metric: Metric): string {
  const dims = [...(metric.Dimensions ?? [])].sort((a, b) => a.Name.localeCompare(b.Name));
  const suffix = dims.length ? `[${dims.map((d) => `${d.Name}=${d.Value}`).join(',')}]` : '';
  return `${metric.Namespace}/${metric.MetricName}${suffix}`;
}

function getMetricData(
  input: { MetricDataQueries: Query[] | Record<string, Query>; EndTime?: unknown },
  req: FakeRequest,
) {
  const metrics = regional<CloudWatchWorld>(req.world, 'cloudwatch', req.region).metrics ?? {};
  const queries = Array.isArray(input.MetricDataQueries)
    ? input.MetricDataQueries
    : Object.values(input.MetricDataQueries);
  return {
    MetricDataResults: queries.map((q) => {
      const metric = q.MetricStat?.Metric;
      const raw = metric ? metrics[metricKey(metric)] : undefined;
      const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      return {
        Id: q.Id,
        Label: metric?.MetricName ?? q.Id,
        Timestamps: values.map((_, i) => new Date(req.now.getTime() - i * 3_600_000).toISOString()),
        Values: values,
        StatusCode: 'Complete',
      };
    }),
    Messages: [],
  };
}

export const cloudwatch: ServiceDef = {
  name: 'cloudwatch',
  protocol: 'json1.0-query',
  targets: ['GraniteServiceVersion20100801'],
  queryVersion: '2010-08-01',
  xmlns: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
  operations: { GetMetricData: getMetricData },
};
