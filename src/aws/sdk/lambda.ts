// The part of @aws-sdk/client-lambda the tool sends; the bundle keeps only these, not every operation.
export { LambdaClient, GetFunctionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
