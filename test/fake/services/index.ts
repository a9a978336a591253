import type { ServiceDef } from '../service.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { cognito as cognitoReads } from './cognito.js';
import { messageOperations } from './cognito-messages.js';
import { iam } from './iam.js';
import { kms } from './kms.js';
import { lambda } from './lambda.js';
import { logs } from './logs.js';
import { ses } from './ses.js';
import { smsVoice } from './sms-voice.js';
import { sns } from './sns.js';
import { sts } from './sts.js';

/** Cognito: the reads and admin writes, and the operations that send codes and invitations. */
const cognito: ServiceDef = { ...cognitoReads, operations: { ...cognitoReads.operations, ...messageOperations } };

/** Every service the fake speaks. */
export const fakeServices: readonly ServiceDef[] = [
  cognito,
  sns,
  ses,
  cloudwatch,
  logs,
  cloudtrail,
  sts,
  smsVoice,
  iam,
  lambda,
  kms,
];
