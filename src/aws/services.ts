// Every AWS service the tool reads, with how to load its SDK client lazily and how IAM names its actions.
// Dynamic imports keep start-up fast: a client's code is loaded only when a check first needs it.

export const services = {
  'cognito-idp': {
    load: () => import('@aws-sdk/client-cognito-identity-provider'),
    client: 'CognitoIdentityProviderClient',
  },
  sns: { load: () => import('@aws-sdk/client-sns'), client: 'SNSClient' },
  ses: { load: () => import('@aws-sdk/client-sesv2'), client: 'SESv2Client' },
  cloudwatch: { load: () => import('@aws-sdk/client-cloudwatch'), client: 'CloudWatchClient' },
  logs: { load: () => import('@aws-sdk/client-cloudwatch-logs'), client: 'CloudWatchLogsClient' },
  lambda: { load: () => import('@aws-sdk/client-lambda'), client: 'LambdaClient' },
  kms: { load: () => import('@aws-sdk/client-kms'), client: 'KMSClient' },
  iam: { load: () => import('@aws-sdk/client-iam'), client: 'IAMClient' },
  'sms-voice': {
    load: () => import('@aws-sdk/client-pinpoint-sms-voice-v2'),
    client: 'PinpointSMSVoiceV2Client',
  },
  cloudtrail: { load: () => import('@aws-sdk/client-cloudtrail'), client: 'CloudTrailClient' },
  sts: { load: () => import('@aws-sdk/client-sts'), client: 'STSClient' },
} as const;

/** The IAM service prefix, which is also our key for the service (`sns`, `ses`, `cognito-idp` …). */
export type ServiceName = keyof typeof services;
export type SdkModule<S extends ServiceName> = Awaited<ReturnType<(typeof services)[S]['load']>>;

/** `cognito-idp:DescribeUserPool`: the IAM action a read needs, also its key in logs and policies. */
export type IamAction = `${ServiceName}:${string}`;
