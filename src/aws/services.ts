// Every AWS service the tool reads, with how to load its SDK client lazily and how IAM names its actions.
// Dynamic imports keep start-up fast: a client's code is loaded only when a check first needs it. Each
// loads src/aws/sdk/<service>.ts, which names the client and the commands the tool sends, so the bundle
// leaves out every other operation of the service: a new command is added there (the type check says so).

export const services = {
  'cognito-idp': {
    load: () => import('./sdk/cognito-idp.js'),
    client: 'CognitoIdentityProviderClient',
  },
  sns: { load: () => import('./sdk/sns.js'), client: 'SNSClient' },
  ses: { load: () => import('./sdk/ses.js'), client: 'SESv2Client' },
  cloudwatch: { load: () => import('./sdk/cloudwatch.js'), client: 'CloudWatchClient' },
  logs: { load: () => import('./sdk/logs.js'), client: 'CloudWatchLogsClient' },
  lambda: { load: () => import('./sdk/lambda.js'), client: 'LambdaClient' },
  kms: { load: () => import('./sdk/kms.js'), client: 'KMSClient' },
  iam: { load: () => import('./sdk/iam.js'), client: 'IAMClient' },
  'sms-voice': {
    load: () => import('./sdk/sms-voice.js'),
    client: 'PinpointSMSVoiceV2Client',
  },
  cloudtrail: { load: () => import('./sdk/cloudtrail.js'), client: 'CloudTrailClient' },
  sts: { load: () => import('./sdk/sts.js'), client: 'STSClient' },
} as const;

/** The IAM service prefix, which is also our key for the service (`sns`, `ses`, `cognito-idp` …). */
export type ServiceName = keyof typeof services;
export type SdkModule<S extends ServiceName> = Awaited<ReturnType<(typeof services)[S]['load']>>;

/** `cognito-idp:DescribeUserPool`: the IAM action a read needs, also its key in logs and policies. */
export type IamAction = `${ServiceName}:${string}`;
