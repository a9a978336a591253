// The part of @aws-sdk/client-kms the tool sends; the bundle keeps only these, not every operation.
export { KMSClient, DescribeKeyCommand } from '@aws-sdk/client-kms';
