// The part of @aws-sdk/client-cloudwatch-logs the tool sends; the bundle keeps only these, not every operation.
export { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
