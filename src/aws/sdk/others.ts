// The services nearly every run reads after Cognito's, as one unit: the caller loads it while the first
// Cognito answers travel.
export * as cloudtrail from './cloudtrail.js';
export * as cloudwatch from './cloudwatch.js';
export * as iam from './iam.js';
export * as logs from './logs.js';
export * as ses from './ses.js';
export * as smsVoice from './sms-voice.js';
export * as sns from './sns.js';
export * as sts from './sts.js';
