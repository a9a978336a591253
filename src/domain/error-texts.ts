// The one table from an error text AWS writes (a CloudTrail errorCode and errorMessage, a Cognito
// user-notification log line, an SNS SMS delivery record's providerResponse) to the cause it proves.
// Only texts AWS has been seen to produce are here; a text that matches no row is opaque: shown to the
// reader as it is, never guessed at.

import type { CauseCode } from '../causes.js';

/** What a text proves. */
export interface TextReading {
  /** The cause the text names; absent when the text is known but names no single cause. */
  cause?: CauseCode;
  /** The trigger the text names (`CustomMessage`), for Lambda trigger errors. */
  trigger?: string;
  /** What the text means, in a sentence. */
  meaning: string;
}

/** What else is known when the text is read: it decides between causes a text alone cannot. */
export interface TextContext {
  /** The exception name beside the text (CloudTrail `errorCode`). */
  errorCode?: string;
  /** The user's e-mail address: SES names it when the recipient is the unverified identity. */
  recipient?: string;
}

interface Row {
  /** The exception the text comes with; any when absent. */
  errorCode?: string;
  text: RegExp;
  /** Written by SNS in an SMS delivery record, never in Cognito's answer to a call. */
  carrier?: true;
  /** Read only beside this exception: the text says nothing by itself. */
  codeOnly?: true;
  /** Every cause `read` can return. */
  causes: readonly CauseCode[];
  read: (match: RegExpExecArray, context: TextContext) => TextReading;
}

/** A row whose text always proves the same cause. */
function row(errorCode: string | undefined, text: RegExp, cause: CauseCode | undefined, meaning: string): Row {
  return {
    ...(errorCode ? { errorCode } : {}),
    text,
    causes: cause ? [cause] : [],
    read: () => ({ ...(cause ? { cause } : {}), meaning }),
  };
}

const TRIGGER_CAUSES: CauseCode[] = [
  'custom-message-lambda-error',
  'user-not-migrated',
  'lambda-invoke-permission-missing',
  'lambda-missing-or-timeout',
];
const BAD_CONTENT: CauseCode[] = ['custom-message-bad-content'];

/** `Email address is not verified. The following identities failed the check in region <R>: <ids>`. */
function sesNotVerified(match: RegExpExecArray, context: TextContext): TextReading {
  const identities = (match[2] ?? '').split(/,\s*/).map((s) => s.trim().toLowerCase());
  const recipient = context.recipient?.toLowerCase();
  return recipient && identities.includes(recipient)
    ? {
        cause: 'ses-sandbox',
        meaning: `SES in ${match[1]} is in the sandbox and the recipient is not a verified identity.`,
      }
    : {
        cause: 'ses-identity-unverified-or-mismatched',
        meaning: `The sending identity is not verified in SES in ${match[1]} (or, in the sandbox, the recipient is not).`,
      };
}

/** The exception texts of Lambda triggers name the trigger first. */
function triggerFailed(match: RegExpExecArray): TextReading {
  const trigger = match[1]!;
  return {
    ...triggerCause(trigger),
    trigger,
    meaning: `The ${trigger} trigger failed (the function threw or returned an error): ${match[2]}`,
  };
}

function triggerInvocationFailed(match: RegExpExecArray): TextReading {
  const trigger = match[1]!;
  const error = match[2]!;
  const cause: CauseCode | undefined = /AccessDeniedException/i.test(error)
    ? 'lambda-invoke-permission-missing'
    : /timeout|timed out|ResourceNotFoundException|configuration/i.test(error)
      ? 'lambda-missing-or-timeout'
      : triggerCause(trigger).cause;
  return {
    ...(cause ? { cause } : {}),
    ...(trigger === 'null' ? {} : { trigger }),
    meaning:
      cause === 'lambda-invoke-permission-missing'
        ? `Cognito may not invoke the ${trigger} function (its resource policy does not allow it).`
        : cause === 'lambda-missing-or-timeout'
          ? `Cognito could not get an answer from the ${trigger === 'null' ? 'trigger' : trigger} function in time, or the function is missing.`
          : `Cognito could not invoke the ${trigger} function: ${error}`,
  };
}

/** The triggers a ForgotPassword call runs: CustomMessage composes the message, UserMigration finds the user. */
function triggerCause(trigger: string): { cause?: CauseCode } {
  if (trigger === 'CustomMessage') return { cause: 'custom-message-lambda-error' };
  return trigger === 'UserMigration' ? { cause: 'user-not-migrated' } : {};
}

/** The SES error Cognito passes through, wrapped in its own sentence. */
const SES_WRAPPER = /Cognito received the following error from Amazon SES when attempting to send email: ([\s\S]*)$/;

const ROWS: Row[] = [
  // Cognito API errors (CloudTrail errorCode / errorMessage).
  row(
    'LimitExceededException',
    /^Exceeded daily email limit for the operation or the account\b/,
    'cognito-default-email-daily-limit',
    "Cognito's default sender spent the account's daily e-mail quota: send through your own SES identity.",
  ),
  row(
    'LimitExceededException',
    /^Attempt limit exceeded, please try after some time\.?$/,
    'forgot-password-attempt-limit',
    "The user's hourly attempt limit was hit.",
  ),
  row(
    'LimitExceededException',
    /^Number of allowed operation has exceeded\.?$/,
    'forgot-password-attempt-limit',
    "The user's hourly attempt limit was hit.",
  ),
  {
    errorCode: 'UserLambdaValidationException',
    text: /^(\w+) failed with error ([\s\S]*)$/,
    causes: TRIGGER_CAUSES,
    read: triggerFailed,
  },
  {
    errorCode: 'UnexpectedLambdaException',
    text: /^(\w+) invocation failed due to (?:error )?([\s\S]*?)\.?$/,
    causes: TRIGGER_CAUSES,
    read: triggerInvocationFailed,
  },
  {
    errorCode: 'InvalidLambdaResponseException',
    text: /^(?:Unrecognizable lambda output|Invalid lambda function output : [\s\S]*)$/,
    causes: BAD_CONTENT,
    read: () => ({
      cause: 'custom-message-bad-content',
      trigger: 'CustomMessage',
      meaning: 'The trigger returned something Cognito cannot read (the handler must return the whole event).',
    }),
  },
  {
    errorCode: 'InvalidParameterException',
    text: /^The message is empty\.$/,
    causes: BAD_CONTENT,
    read: () => ({
      cause: 'custom-message-bad-content',
      trigger: 'CustomMessage',
      meaning: 'The CustomMessage trigger returned an empty message.',
    }),
  },
  {
    errorCode: 'InvalidParameterException',
    text: /^1 validation error detected: Value [\s\S]* at '(emailBody|emailMessage|smsMessage)' failed to satisfy constraint/,
    causes: BAD_CONTENT,
    read: (m) => ({
      cause: 'custom-message-bad-content',
      trigger: 'CustomMessage',
      meaning: `The message the CustomMessage trigger returned (${m[1]}) lacks the {####} code placeholder or has characters Cognito refuses.`,
    }),
  },
  row(
    'InvalidParameterException',
    /^Cannot reset password for the user as there is no registered\/verified email or phone_number$/,
    'no-verified-contact',
    'The user has no verified e-mail address or phone number that recovery may use.',
  ),
  row(
    'NotAuthorizedException',
    /^User password cannot be reset in the current state\.$/,
    'user-force-change-password',
    'The user is in FORCE_CHANGE_PASSWORD: it never completed its first sign-in.',
  ),
  row('NotAuthorizedException', /^User is disabled\.?$/, 'user-disabled', 'The user is disabled.'),
  row(
    'NotAuthorizedException',
    /^(?:Unable to verify secret hash for client \S+|Client \S+ is configured with secret but SECRET_HASH was not received)$/,
    'secret-hash-missing',
    'The app client has a secret, and the call carried no SECRET_HASH or a wrong one.',
  ),
  row(
    'UserNotFoundException',
    /^(?:Username\/client id combination not found\.|User does not exist\.)$/,
    'user-not-found',
    'No user of this pool matches what the app sent.',
  ),
  row(
    'TooManyRequestsException',
    /^(?:Rate exceeded|Too many requests)$/,
    'api-rate-limit',
    "The account's request-rate quota for the operation was hit.",
  ),
  row(
    'ForbiddenException',
    /^Request not allowed due to WAF block\.$/,
    'waf-forbidden',
    "A rule of the pool's WAF web ACL blocked the request.",
  ),
  row(
    'InvalidSmsRoleAccessPolicyException',
    /^Role does not have permission to publish with SNS$/,
    'sms-role-trust-or-policy',
    'The SMS role may not publish with SNS.',
  ),
  row(
    'InvalidSmsRoleTrustRelationshipException',
    /^Role does not have a trust relationship allowing Cognito to assume the role$/,
    'sms-role-trust-or-policy',
    'The SMS role does not trust Cognito (or the external id differs).',
  ),
  {
    // AWS has published no message text for it: the exception name alone is the evidence.
    ...row(
      'InvalidEmailRoleAccessPolicyException',
      /[\s\S]*/,
      'ses-authorization-missing',
      'Cognito is not allowed to use the SES identity.',
    ),
    codeOnly: true,
  },
  row(
    undefined,
    /^Invalid phone number provided\/Unable to send the message\. User pool does not have SMS configuration to send messages\.$/,
    'sms-not-configured',
    'The pool has no SMS configuration (or the phone number is unusable).',
  ),
  row(
    undefined,
    /^Invalid email provided\/Unable to send the email$/,
    undefined,
    'Cognito could not send the e-mail (one reported cause: a bad reply-to address).',
  ),
  row(
    'ExpiredCodeException',
    /^Invalid code provided, please request a code again\.$/,
    'stale-or-expired-code',
    'The code expired, was superseded or was already used.',
  ),
  row(
    'CodeMismatchException',
    /^Invalid verification code provided, please try again\.$/,
    'stale-or-expired-code',
    'The code typed is not the latest code sent.',
  ),
  // SES errors, bare (SES logs) or as Cognito passes them through (see readErrorText).
  {
    text: /^Email address is not verified\. The following identities failed the check in region ([\w-]+): ([\s\S]*?)(?:…|\.\.\.)?$/,
    causes: ['ses-sandbox', 'ses-identity-unverified-or-mismatched'],
    read: sesNotVerified,
  },
  row(undefined, /^Sending paused for this account\./, 'ses-sending-paused', 'AWS paused SES sending for the account.'),
  row(
    undefined,
    /^(?:Maximum sending rate exceeded\.|Daily message quota exceeded\.?)$/,
    'ses-quota-exceeded',
    "The SES account's sending rate or daily quota is spent.",
  ),
  // SNS SMS delivery records (delivery.providerResponse).
  ...carrier(
    ['Blocked as spam by phone carrier', 'Phone carrier has blocked this message', 'Phone has blocked SMS'],
    'sms-carrier-filtering',
    'The carrier or the handset filtered the message.',
  ),
  ...carrier(
    [
      'Destination is on a blocked list',
      'Phone is on a blocked list',
      'Destination is blacklisted',
      'Phone is blacklisted',
    ],
    'sms-carrier-filtering',
    'The number is on a block list.',
  ),
  ...carrier(['Invalid phone number'], 'invalid-phone-number', 'The carrier rejected the number as invalid.'),
  ...carrier(['Message body is invalid'], 'custom-message-bad-content', 'The carrier rejected the message body.'),
  ...carrier(
    [
      'Phone carrier is currently unreachable/unavailable',
      'Phone is currently unreachable/unavailable',
      'Unknown error attempting to reach phone',
    ],
    'device-or-network-unreachable',
    'The phone or its network could not be reached.',
  ),
  ...carrier(['Phone number is opted out'], 'sms-opted-out', 'The number had opted out (STOP) when SNS sent it.'),
  ...carrier(
    ['This delivery would exceed max price', 'No quota left for account'],
    'sms-spend-limit-reached',
    "The account's SMS spend limit is reached.",
  ),
  ...carrier(
    ['Sandboxed account unable to send to number.'],
    'sms-sandbox',
    'The SMS sandbox: the number is not a verified destination.',
  ),
  carrierRow(
    /^Your account requires additional review prior to being able to send SMS messages\./,
    'sms-sandbox',
    'AWS holds the account for review before it may send SMS, even to verified numbers.',
  ),
  ...carrier(
    ['Message has been accepted by phone carrier', 'Message has been accepted by phone'],
    undefined,
    'The carrier accepted the message (not proof that the handset got it).',
  ),
];

function carrierRow(text: RegExp, cause: CauseCode | undefined, meaning: string): Row {
  return { ...row(undefined, text, cause, meaning), carrier: true };
}

function carrier(texts: string[], cause: CauseCode | undefined, meaning: string): Row[] {
  return texts.map((t) => carrierRow(new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`), cause, meaning));
}

/**
 * What an error text proves, or undefined when the text is not one AWS is known to write. The SES error
 * Cognito wraps in its own sentence is read by its inner text, wherever the sentence starts (a log line
 * may carry it after text of its own).
 */
export function readErrorText(text: string | undefined, context: TextContext = {}): TextReading | undefined {
  const trimmed = (text ?? '').trim();
  const inner = SES_WRAPPER.exec(trimmed);
  if (inner) return readErrorText(inner[1], { ...(context.recipient ? { recipient: context.recipient } : {}) });
  for (const row of ROWS) {
    if (row.errorCode && row.errorCode !== context.errorCode && (context.errorCode || row.codeOnly)) continue;
    const match = row.text.exec(trimmed);
    if (match) return row.read(match, context);
  }
  return undefined;
}

/** Every cause Cognito's answer to a call (a CloudTrail errorMessage) can prove, for the checks that report them. */
export const ANSWER_CAUSES: readonly CauseCode[] = [
  ...new Set(ROWS.filter((r) => !r.carrier).flatMap((r) => r.causes)),
];
