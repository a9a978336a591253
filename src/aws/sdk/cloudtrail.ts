// The part of @aws-sdk/client-cloudtrail the tool sends; the bundle keeps only these, not every operation.
export { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
