// The public vocabulary of finding codes (docs/checks.md lists them with the checks that report them), plus
// the codes the tool itself uses when it cannot read something. Codes are stable; titles may improve.

export const causes = {
  // A. Identity
  'user-not-found': 'No user matches the identifier given',
  'prevent-user-existence-errors-masking': 'The app client masks errors: ForgotPassword "succeeds" without sending',
  'username-vs-login-identifier': 'The app sends an identifier Cognito does not resolve to this user',
  'alias-unverified': 'The user was found by an alias that is not verified',
  'username-case-sensitivity': 'The pool is case-sensitive and the case differs',
  'duplicate-accounts-same-contact': 'Several users share this e-mail address or phone number',
  'wrong-pool-client-or-region': 'The app client does not belong to this pool or Region',
  'user-not-migrated': 'The user is not in the pool yet; a migration trigger must supply it',
  'federated-user': 'The user signs in through an external identity provider',
  // B. User state
  'user-force-change-password': 'The user never completed the first sign-in (FORCE_CHANGE_PASSWORD)',
  'temp-password-expired': 'The temporary password has expired',
  'user-unconfirmed': 'The user never confirmed the sign-up (UNCONFIRMED)',
  'user-disabled': 'The user is disabled',
  'user-reset-required': 'The user must reset the password (RESET_REQUIRED)',
  // C. Contact verification
  'no-verified-contact': 'The user has no verified e-mail address or phone number',
  'admin-created-without-verified-flag': 'The admin-created user was not marked verified',
  'presignup-autoconfirm-without-autoverify': 'A PreSignUp trigger confirmed the user without verifying a contact',
  'imported-without-verified-flag': 'The imported user was not marked verified',
  'auto-verification-disabled': 'Cognito-assisted verification is off for the pool',
  'attribute-changed-now-unverified': 'The contact was changed and is no longer verified',
  'pending-update-code-to-old-address': 'A contact change is pending: codes go to the old value',
  'only-one-contact-verified-at-signup': 'Only one contact was verified at sign-up',
  // D. Recovery settings
  'recovery-admin-only': 'Self-service recovery is off (admin_only)',
  'recovery-channel-not-verified-for-user': "The pool's recovery channel is not verified for this user",
  'legacy-phone-preferred': 'The code goes by SMS, not e-mail',
  'sms-mfa-disqualifies-phone': 'SMS MFA rules out the phone for recovery',
  'email-mfa-disqualifies-email': 'E-mail MFA rules out the e-mail address for recovery',
  'update-user-pool-reset-defaults': 'The pool was updated recently and messaging is at its defaults',
  // E. E-mail channel
  'cognito-default-email-daily-limit': "Cognito's default sender allows 50 e-mails a day per account",
  'cognito-default-suppression-list': "Cognito's default sender suppresses addresses that bounced",
  'cognito-default-sender-filtered': "Cognito's shared default sender is often filtered",
  'ses-sandbox': 'The SES account is in the sandbox',
  'ses-identity-unverified-or-mismatched': 'The SES sending identity is not verified or does not match',
  'ses-authorization-missing': 'Cognito is not authorised to send from the SES identity',
  'ses-sending-paused': 'SES sending is paused for the account',
  'ses-account-suppression-list': "The address is on the SES account's suppression list",
  'ses-quota-exceeded': 'The SES sending quota is exhausted',
  'invalid-reply-to-or-from': 'The From or Reply-To address is invalid',
  'ses-configuration-set-missing': 'The SES configuration set does not exist',
  'email-template-invalid': 'The verification message template is invalid',
  // F. SMS channel
  'sms-sandbox': 'The SNS account is in the SMS sandbox',
  'sms-spend-limit-reached': 'The monthly SMS spend limit is reached',
  'sms-spend-limit-above-quota': 'The SMS spend limit is above the approved quota',
  'sms-role-trust-or-policy': "The SMS role's trust or permission policy is wrong",
  'sms-region-mismatch': 'SMS is sent from another Region than the pool',
  'sms-not-configured': 'The pool has no SMS configuration',
  'us-origination-identity-missing': 'No US origination identity for a +1 number',
  'us-tfn-or-10dlc-unregistered': 'The US toll-free or 10DLC number is not registered',
  'sms-opted-out': 'The phone number opted out of SMS',
  'country-sender-regulation': 'The destination country regulates SMS senders',
  'protect-configuration-blocks-country': 'A protect configuration blocks the destination country',
  'invalid-phone-number': 'The phone number is not valid',
  'sms-delivery-logging-off': 'SMS delivery status logging is off',
  // G. Triggers
  'custom-message-lambda-error': 'The CustomMessage trigger is failing',
  'custom-message-bad-content': 'The CustomMessage trigger returns a message Cognito rejects',
  'lambda-invoke-permission-missing': 'Cognito may not invoke the trigger function',
  'lambda-missing-or-timeout': 'The trigger function is missing or too slow',
  'custom-sender-async-failure': 'A custom sender trigger owns delivery; its failures are silent',
  'custom-sender-kms': "The custom sender's KMS key is unusable",
  // H. Throttling and quotas
  'forgot-password-attempt-limit': 'The ForgotPassword attempt limit was hit',
  'api-rate-limit': 'The account-recovery API rate limit was hit',
  'resend-code-attempt-limit': 'The resend-code attempt limit was hit',
  'threat-protection-block': 'Threat protection blocked the request',
  'waf-forbidden': 'A WAF rule blocked the request',
  // I. Client side
  'secret-hash-missing': 'The app client has a secret: every call needs a SECRET_HASH',
  'secret-hash-wrong-input': 'The SECRET_HASH is computed over the wrong input',
  'app-hides-error': 'The app hides the error ForgotPassword returned',
  'stale-or-expired-code': 'The code used is stale or expired',
  'resend-confirmation-misuse': 'ResendConfirmationCode was used instead of ForgotPassword',
  // J. Invitations
  'invite-suppressed-or-sms-default': 'The invitation was suppressed or sent by SMS',
  'invite-delivery-failed-user-created': 'The invitation failed but the user was created',
  'invite-resend-wrong-state': 'The invitation cannot be resent in this state',
  // K. Delivery side
  'email-spam-junk': 'The message may be in spam, junk or quarantine',
  'email-address-undeliverable': 'The e-mail address cannot receive mail',
  'email-auth-alignment': 'The sender domain fails DKIM, SPF or DMARC alignment',
  'sms-carrier-filtering': 'The carrier filtered the SMS',
  'device-or-network-unreachable': 'The phone or its network was unreachable',
  // What the logs show
  'delivery-error-logged': 'Cognito logged a delivery error for this user',
  'sms-carrier-failure-logged': 'SNS logged a carrier failure for this number',
  'log-source-not-configured': 'A log that would show what happened to the code is not turned on',
  'request-not-in-cloudtrail': 'CloudTrail shows no request from the app for this user',
  // The tool's own codes, for values it does not know and reads that could not be made
  'unrecognised-user-status': 'The user is in a state cognito-doctor does not know',
  'unrecognised-recovery-mechanism': 'The pool names a recovery mechanism cognito-doctor does not know',
  'pool-not-found': 'The user pool does not exist or cannot be read',
  'aws-credentials': 'No usable AWS credentials',
  'access-denied': 'Access denied: an IAM permission is missing',
  throttled: 'AWS throttled the read',
  'network-error': 'AWS could not be reached',
  'aws-error': 'AWS returned an unexpected error',
  'internal-error': 'cognito-doctor itself failed on this check',
  'deadline-exceeded': 'The run reached its time limit (--timeout) before this check finished',
  interrupted: 'The run was interrupted before this check finished',
} as const satisfies Record<string, string>;

export type CauseCode = keyof typeof causes;

export function isCauseCode(code: string): code is CauseCode {
  return Object.hasOwn(causes, code);
}
