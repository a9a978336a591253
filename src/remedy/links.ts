/** The AWS documentation a remediation points to, one name per page. */
export const docs = {
  forgotPassword: 'https://repost.aws/knowledge-center/cognito-forgot-password',
  recovery: 'https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html',
  signingUp: 'https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html',
  adminCreateUser:
    'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html',
  verifyAttribute:
    'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAttributeVerificationCode.html',
  userPoolEmail: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html',
  smsSettings: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html',
  snsSandbox: 'https://docs.aws.amazon.com/sns/latest/dg/sns-sms-sandbox.html',
  snsSpend: 'https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html',
  managingErrors: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html',
  quotas: 'https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html',
  sesProduction: 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html',
  sesSuppression: 'https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html',
  sesQuotas: 'https://docs.aws.amazon.com/ses/latest/dg/quotas.html',
  sesIdentities: 'https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html',
  sesDkim: 'https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html',
  sesSendingAuthorization: 'https://docs.aws.amazon.com/ses/latest/dg/sending-authorization.html',
  sesReputation: 'https://docs.aws.amazon.com/ses/latest/dg/monitor-sender-reputation.html',
  sesConfigurationSets: 'https://docs.aws.amazon.com/ses/latest/dg/using-configuration-sets.html',
  clientSecret: 'https://repost.aws/knowledge-center/cognito-unable-to-verify-secret-hash',
  lambdaTriggers:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html',
  customMessage: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html',
  customSender:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sender-triggers.html',
  lambdaStates: 'https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html',
  lambdaResourcePolicy: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  kmsKeyState: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html',
  cognitoLogs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/exporting-quotas-and-usage.html',
  cognitoCloudTrail: 'https://docs.aws.amazon.com/cognito/latest/developerguide/logging-using-cloudtrail.html',
  snsSmsLogs: 'https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html',
  threatProtection:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html',
  userPoolAttributes: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html',
  caseSensitivity:
    'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UsernameConfigurationType.html',
  userMigration: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html',
  userImport: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool.html',
  preSignUp: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html',
  verification:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html',
  mfa: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html',
  updateUserPool: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html',
} as const;
