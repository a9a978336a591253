// Every AWS service the tool reads, with its SDK client and how IAM names its actions. Each SDK module
// is src/aws/sdk/<service>.ts, which names the client and the commands the tool sends, so the bundle
// leaves out every other operation of the service: a new command is added there (the type check says so).
//
// The SDK code loads in three units. Cognito's comes first: every run starts by reading the pool and the
// user. The services nearly every run reads next are one unit (sdk/others.ts), which the caller starts
// loading once its first request is on its way, so it loads while that answer travels. Lambda and KMS
// (sdk/triggers.ts) load only for a pool with triggers. Units, not one chunk per service: each chunk
// costs its own import (see docs/architecture.md).
const cognitoIdp = () => import('./sdk/cognito-idp.js');
const others = () => import('./sdk/others.js');
const triggers = () => import('./sdk/triggers.js');

export const services = {
  'cognito-idp': { load: cognitoIdp, client: 'CognitoIdentityProviderClient' },
  sns: { load: async () => (await others()).sns, client: 'SNSClient' },
  ses: { load: async () => (await others()).ses, client: 'SESv2Client' },
  cloudwatch: { load: async () => (await others()).cloudwatch, client: 'CloudWatchClient' },
  logs: { load: async () => (await others()).logs, client: 'CloudWatchLogsClient' },
  lambda: { load: async () => (await triggers()).lambda, client: 'LambdaClient' },
  kms: { load: async () => (await triggers()).kms, client: 'KMSClient' },
  iam: { load: async () => (await others()).iam, client: 'IAMClient' },
  'sms-voice': { load: async () => (await others()).smsVoice, client: 'PinpointSMSVoiceV2Client' },
  cloudtrail: { load: async () => (await others()).cloudtrail, client: 'CloudTrailClient' },
  sts: { load: async () => (await others()).sts, client: 'STSClient' },
} as const;

/**
 * Starts loading the services that are not Cognito's, without waiting for them. A failure here is not
 * the run's: the read that needs one of them loads it again, and reports what went wrong.
 */
export function preloadOtherServices(): void {
  others().catch(() => undefined);
}

/** The IAM service prefix, which is also our key for the service (`sns`, `ses`, `cognito-idp` …). */
export type ServiceName = keyof typeof services;
export type SdkModule<S extends ServiceName> = Awaited<ReturnType<(typeof services)[S]['load']>>;

/** `cognito-idp:DescribeUserPool`: the IAM action a read needs, also its key in logs and policies. */
export type IamAction = `${ServiceName}:${string}`;
