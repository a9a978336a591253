// The part of @aws-sdk/client-cloudwatch the tool sends; the bundle keeps only these, not every operation.
export { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
