// Every AWS service the tool reads, with its SDK client and how IAM names its actions. Each SDK module
// is src/aws/sdk/<service>.ts, which names the client and the commands the tool sends, so the bundle
// leaves out every other operation of the service: a new command is added there (the type check says so).
//
// They are imported statically: the AWS layer loads with the diagnosis, all services at once. A
// diagnosis reads nearly every service, and one bundle chunk of all the SDK code costs less CPU than a
// chunk per service loaded on demand (measured by `npm run bench`, see docs/architecture.md).
import * as cloudtrail from './sdk/cloudtrail.js';
import * as cloudwatch from './sdk/cloudwatch.js';
import * as cognitoIdp from './sdk/cognito-idp.js';
import * as iam from './sdk/iam.js';
import * as kms from './sdk/kms.js';
import * as lambda from './sdk/lambda.js';
import * as logs from './sdk/logs.js';
import * as ses from './sdk/ses.js';
import * as smsVoice from './sdk/sms-voice.js';
import * as sns from './sdk/sns.js';
import * as sts from './sdk/sts.js';

export const services = {
  'cognito-idp': { sdk: cognitoIdp, client: 'CognitoIdentityProviderClient' },
  sns: { sdk: sns, client: 'SNSClient' },
  ses: { sdk: ses, client: 'SESv2Client' },
  cloudwatch: { sdk: cloudwatch, client: 'CloudWatchClient' },
  logs: { sdk: logs, client: 'CloudWatchLogsClient' },
  lambda: { sdk: lambda, client: 'LambdaClient' },
  kms: { sdk: kms, client: 'KMSClient' },
  iam: { sdk: iam, client: 'IAMClient' },
  'sms-voice': { sdk: smsVoice, client: 'PinpointSMSVoiceV2Client' },
  cloudtrail: { sdk: cloudtrail, client: 'CloudTrailClient' },
  sts: { sdk: sts, client: 'STSClient' },
} as const;

/** The IAM service prefix, which is also our key for the service (`sns`, `ses`, `cognito-idp` …). */
export type ServiceName = keyof typeof services;
export type SdkModule<S extends ServiceName> = (typeof services)[S]['sdk'];

/** `cognito-idp:DescribeUserPool`: the IAM action a read needs, also its key in logs and policies. */
export type IamAction = `${ServiceName}:${string}`;
