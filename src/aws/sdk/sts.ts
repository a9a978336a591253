// The part of @aws-sdk/client-sts the tool sends; the bundle keeps only these, not every operation.
export { STSClient } from '@aws-sdk/client-sts';
