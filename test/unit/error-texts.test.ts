// Every error text AWS is known to write around code delivery, read through the one table. The texts
// are copied exactly as AWS wrote them (odd punctuation included).

import { describe, expect, it } from 'vitest';
import type { CauseCode } from '../../src/causes.js';
import { readErrorText, ANSWER_CAUSES } from '../../src/domain/error-texts.js';

type Row = [errorCode: string | undefined, text: string, cause: CauseCode | undefined, trigger?: string];

const COGNITO: Row[] = [
  ['UserNotFoundException', 'Username/client id combination not found.', 'user-not-found'],
  ['UserNotFoundException', 'User does not exist.', 'user-not-found'],
  ['NotAuthorizedException', 'User password cannot be reset in the current state.', 'user-force-change-password'],
  ['NotAuthorizedException', 'User is disabled', 'user-disabled'],
  [
    'NotAuthorizedException',
    'Unable to verify secret hash for client 6npouauc8jt1fioujvblmvpise',
    'secret-hash-missing',
  ],
  [
    'NotAuthorizedException',
    'Unable to verify secret hash for client **************************',
    'secret-hash-missing',
  ],
  [
    'NotAuthorizedException',
    'Client 6g164jiups96hiec2e43tv0nt6 is configured with secret but SECRET_HASH was not received',
    'secret-hash-missing',
  ],
  [
    'InvalidParameterException',
    'Cannot reset password for the user as there is no registered/verified email or phone_number',
    'no-verified-contact',
  ],
  ['InvalidParameterException', 'The message is empty.', 'custom-message-bad-content', 'CustomMessage'],
  [
    'InvalidParameterException',
    "1 validation error detected: Value '<html><body>Reset your password</body></html>' at 'emailBody' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*",
    'custom-message-bad-content',
    'CustomMessage',
  ],
  ['LimitExceededException', 'Attempt limit exceeded, please try after some time.', 'forgot-password-attempt-limit'],
  ['LimitExceededException', 'Number of allowed operation has exceeded.', 'forgot-password-attempt-limit'],
  [
    'LimitExceededException',
    'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
    'cognito-default-email-daily-limit',
  ],
  [
    'CodeDeliveryFailureException',
    'Cognito received the following error from Amazon SES when attempting to send email: Email address is not verified. The following identities failed the check in region US-WEST-2: after@example.com',
    'ses-sandbox',
  ],
  [
    'InvalidParameterException',
    'Cognito received the following error from Amazon SES when attempting to send email: Email address is not verified. The following identities failed the check in region US-EAST-1: arn:aws:ses:us-east-1:<accountId>:identity/<my-verified-email>',
    'ses-identity-unverified-or-mismatched',
  ],
  ['CodeDeliveryFailureException', 'Invalid email provided/Unable to send the email', undefined],
  [
    'CodeDeliveryFailureException',
    'Invalid phone number provided/Unable to send the message. User pool does not have SMS configuration to send messages.',
    'sms-not-configured',
  ],
  [
    'InvalidSmsRoleAccessPolicyException',
    'Role does not have permission to publish with SNS',
    'sms-role-trust-or-policy',
  ],
  [
    'InvalidSmsRoleTrustRelationshipException',
    'Role does not have a trust relationship allowing Cognito to assume the role',
    'sms-role-trust-or-policy',
  ],
  ['InvalidEmailRoleAccessPolicyException', '', 'ses-authorization-missing'],
  ['TooManyRequestsException', 'Rate exceeded', 'api-rate-limit'],
  ['TooManyRequestsException', 'Too many requests', 'api-rate-limit'],
  ['ForbiddenException', 'Request not allowed due to WAF block.', 'waf-forbidden'],
  ['ExpiredCodeException', 'Invalid code provided, please request a code again.', 'stale-or-expired-code'],
  ['CodeMismatchException', 'Invalid verification code provided, please try again.', 'stale-or-expired-code'],
];

const TRIGGERS: Row[] = [
  ['UserLambdaValidationException', 'PreSignUp failed with error callback is not a function.', undefined, 'PreSignUp'],
  [
    'UserLambdaValidationException',
    'PreSignUp failed with error Registration from this domain is not allowed..',
    undefined,
    'PreSignUp',
  ],
  [
    'UserLambdaValidationException',
    'DefineAuthChallenge failed with error RequestId: 9fdb5cfa-5ec1-47bf-bc07-8adc3b4bebf6 Error: Runtime exited with error: exit status 129.',
    undefined,
    'DefineAuthChallenge',
  ],
  [
    'UserLambdaValidationException',
    'CustomMessage failed with error The wording service is down.',
    'custom-message-lambda-error',
    'CustomMessage',
  ],
  ['InvalidLambdaResponseException', 'Unrecognizable lambda output', 'custom-message-bad-content', 'CustomMessage'],
  [
    'InvalidLambdaResponseException',
    'Invalid lambda function output : Invalid JSON',
    'custom-message-bad-content',
    'CustomMessage',
  ],
  [
    'UnexpectedLambdaException',
    'PostAuthentication invocation failed due to error Socket timeout while invoking Lambda function.',
    'lambda-missing-or-timeout',
    'PostAuthentication',
  ],
  [
    'UnexpectedLambdaException',
    'PreSignUp invocation failed due to error AccessDeniedException.',
    'lambda-invoke-permission-missing',
    'PreSignUp',
  ],
  ['UnexpectedLambdaException', 'null invocation failed due to configuration.', 'lambda-missing-or-timeout'],
];

const SES: Row[] = [
  [
    'MessageRejected',
    'Email address is not verified. The following identities failed the check in region US-EAST-1: xxxxxxxxxxxx@gmail.com',
    'ses-identity-unverified-or-mismatched',
  ],
  [
    'MessageRejected',
    'Sending paused for this account. For more information, please check the inbox of the email address associated with your AWS account.',
    'ses-sending-paused',
  ],
  ['Throttling', 'Maximum sending rate exceeded.', 'ses-quota-exceeded'],
  ['Throttling', 'Daily message quota exceeded', 'ses-quota-exceeded'],
];

const CARRIER: Row[] = [
  [undefined, 'Blocked as spam by phone carrier', 'sms-carrier-filtering'],
  [undefined, 'Destination is on a blocked list', 'sms-carrier-filtering'],
  [undefined, 'Invalid phone number', 'invalid-phone-number'],
  [undefined, 'Message body is invalid', 'custom-message-bad-content'],
  [undefined, 'Phone carrier has blocked this message', 'sms-carrier-filtering'],
  [undefined, 'Phone carrier is currently unreachable/unavailable', 'device-or-network-unreachable'],
  [undefined, 'Phone has blocked SMS', 'sms-carrier-filtering'],
  [undefined, 'Phone is on a blocked list', 'sms-carrier-filtering'],
  [undefined, 'Phone is currently unreachable/unavailable', 'device-or-network-unreachable'],
  [undefined, 'Phone number is opted out', 'sms-opted-out'],
  [undefined, 'This delivery would exceed max price', 'sms-spend-limit-reached'],
  [undefined, 'Unknown error attempting to reach phone', 'device-or-network-unreachable'],
  [undefined, 'Destination is blacklisted', 'sms-carrier-filtering'],
  [undefined, 'Phone is blacklisted', 'sms-carrier-filtering'],
  [undefined, 'Sandboxed account unable to send to number.', 'sms-sandbox'],
  [
    undefined,
    'Your account requires additional review prior to being able to send SMS messages. Please create a support ticket with an explanation of your use case. https://console.aws.amazon.com/support/cases#/create?issueType=service-limit-increase&limitType=service-code-sns-text-messaging',
    'sms-sandbox',
  ],
  [undefined, 'No quota left for account', 'sms-spend-limit-reached'],
  [undefined, 'Message has been accepted by phone carrier', undefined],
  [undefined, 'Message has been accepted by phone', undefined],
];

describe('readErrorText', () => {
  describe.each([
    ['Cognito API errors', COGNITO],
    ['Lambda trigger errors', TRIGGERS],
    ['SES errors', SES],
    ['SNS providerResponse texts', CARRIER],
  ])('%s', (_, rows) => {
    it.each(rows)('%s: %s', (errorCode, text, cause, trigger) => {
      const reading = readErrorText(text, {
        ...(errorCode ? { errorCode } : {}),
        recipient: 'after@example.com',
      });
      expect(reading, 'a known text').toBeDefined();
      expect(reading?.cause).toBe(cause);
      expect(reading?.trigger).toBe(trigger);
      expect(reading?.meaning.length).toBeGreaterThan(10);
    });
  });

  it('reads the same limit exception two ways: the daily e-mail cap is not the attempt limit', () => {
    const daily = readErrorText('Exceeded daily email limit for the operation or the account.', {
      errorCode: 'LimitExceededException',
    });
    const attempts = readErrorText('Attempt limit exceeded, please try after some time.', {
      errorCode: 'LimitExceededException',
    });
    expect([daily?.cause, attempts?.cause]).toEqual([
      'cognito-default-email-daily-limit',
      'forgot-password-attempt-limit',
    ]);
  });

  it('names the migration trigger as the migration cause', () => {
    expect(
      readErrorText('UserMigration failed with error Upstream directory unavailable.', {
        errorCode: 'UserLambdaValidationException',
      })?.cause,
    ).toBe('user-not-migrated');
  });

  it('treats a text it does not know as opaque, and never reads a text beside the wrong exception', () => {
    expect(readErrorText('mailbox unavailable')).toBeUndefined();
    expect(readErrorText('')).toBeUndefined();
    expect(readErrorText(undefined)).toBeUndefined();
    expect(readErrorText('Rate exceeded', { errorCode: 'LimitExceededException' })).toBeUndefined();
    // The exception with no published text proves its cause only when the exception is named.
    expect(readErrorText('anything at all')).toBeUndefined();
  });

  it('matches whole texts, not fragments', () => {
    expect(readErrorText('Invalid phone number format.')).toBeUndefined();
    expect(readErrorText('Phone number is opted out today')).toBeUndefined();
  });

  it('lists every cause an answer to a call can prove', () => {
    for (const cause of [
      'cognito-default-email-daily-limit',
      'forgot-password-attempt-limit',
      'custom-message-lambda-error',
      'lambda-invoke-permission-missing',
      'ses-sandbox',
    ] as const)
      expect(ANSWER_CAUSES).toContain(cause);
    // Carrier answers are SNS's, never Cognito's answer to a call.
    expect(ANSWER_CAUSES).not.toContain('sms-opted-out');
    expect(new Set(ANSWER_CAUSES).size).toBe(ANSWER_CAUSES.length);
  });
});
