// CloudWatch GetMetricData, in both wire forms: awsJson1_0 query-compatible (SDK v3) and awsQuery
// (Debian's AWS CLI). World: `cloudwatch.<region>.metrics["<Namespace>/<MetricName>"]` = value(s).

import { regional, type FakeRequest, type ServiceDef } from '../service.js';

export interface CloudWatchWorld {
  metrics?: Record<string, number | number[]>;
}

interface Query {
  Id: string;
  MetricStat?: { Metric: { Namespace: string; MetricName: string }; Stat?: string };
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
      const raw = metric ? metrics[`${metric.Namespace}/${metric.MetricName}`] : undefined;
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
