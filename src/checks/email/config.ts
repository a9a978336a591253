// E-mail rules the pool configuration and the user record prove by themselves, without an SES read.

import type { Context } from '../../context/index.js';
import { isWithinDomain, parseAddress, parseMailbox } from '../../domain/email-address.js';
import { changeEmailRequest, write } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Outcome } from '../types.js';
import { FIELD, type EmailSetup } from './setup.js';

const DEFAULT_FROM = 'no-reply@verificationemail.com';
const CODE_PLACEHOLDER = '{####}';
const TO_SES =
  'Send through your own verified Amazon SES identity (EmailSendingAccount=DEVELOPER, SourceArn=<identity ARN>) as a full-config update-user-pool or in your IaC.';

/** Cognito's built-in sender: its daily quota, its shared From address and its hidden suppression list. */
export function defaultSender(s: EmailSetup): Outcome[] {
  if (s.sendingAccount !== 'COGNITO_DEFAULT') return [];
  const account = { [`${FIELD}.EmailSendingAccount`]: s.pool.EmailConfiguration?.EmailSendingAccount ?? null };
  const fix = remediation(TO_SES, [], [docs.userPoolEmail, docs.quotas]);
  const out: Outcome[] = [
    {
      status: 'warn',
      code: 'cognito-default-email-daily-limit',
      message:
        'Volume: the pool sends e-mail through Cognito\'s default sender, which allows 50 e-mails a day for the whole account; past that, ForgotPassword fails with LimitExceededException "Exceeded daily email limit".',
      evidence: account,
      remediation: fix,
    },
    {
      status: 'info',
      code: 'cognito-default-suppression-list',
      message: `Bounces: if an earlier message to ${s.address ?? 'an address'} hard-bounced (a typo since fixed, a mailbox since re-created), Cognito's default sender keeps suppressing the address on an AWS-managed list that no API shows or clears; only SES (DEVELOPER), whose suppression list you can read and edit, gets around it.`,
      evidence: account,
      remediation: fix,
    },
  ];
  if (!s.sourceArn) {
    out.push({
      status: 'info',
      code: 'cognito-default-sender-filtered',
      message: `Reputation: codes come from Cognito's shared address ${DEFAULT_FROM}, which Gmail, Microsoft 365 and corporate gateways often filter or quarantine; a From address on your own domain, DKIM-signed through SES, avoids it.`,
      evidence: { ...account, [`${FIELD}.SourceArn`]: null },
      remediation: fix,
    });
  }
  return out;
}

/**
 * The e-mail template of ForgotPassword codes is the pool's verification message (the developer guide's
 * message options: "Forgot password … Verification message"), `VerificationMessageTemplate.EmailMessage`,
 * which supersedes the older `EmailVerificationMessage`. DefaultEmailOption=CONFIRM_WITH_LINK changes
 * sign-up only: ForgotPassword always sends a code. A CustomMessage trigger builds the message instead
 * (and a CustomEmailSender receives the code itself), so then the template does not matter.
 */
export function template(s: EmailSetup): Outcome[] {
  const { pool } = s;
  const fromTemplate = pool.VerificationMessageTemplate?.EmailMessage;
  const field = fromTemplate !== undefined ? 'VerificationMessageTemplate.EmailMessage' : 'EmailVerificationMessage';
  const message = fromTemplate ?? pool.EmailVerificationMessage;
  if (message === undefined || message.includes(CODE_PLACEHOLDER)) return [];
  if (pool.LambdaConfig?.CustomMessage || pool.LambdaConfig?.CustomEmailSender?.LambdaArn) return [];
  return [
    {
      status: 'fail',
      code: 'email-template-invalid',
      message: `The e-mail verification message, which Cognito also uses for ForgotPassword codes, has no ${CODE_PLACEHOLDER} placeholder: the e-mail carries no code for the user to enter.`,
      evidence: {
        [`DescribeUserPool.UserPool.${field}`]: message,
        'DescribeUserPool.UserPool.LambdaConfig.CustomMessage': null,
      },
      remediation: remediation(
        `Put ${CODE_PLACEHOLDER} into the e-mail verification message (console: Messaging › Message templates › Verification message), or as a full-config update-user-pool with VerificationMessageTemplate.EmailMessage.`,
        [],
        [docs.userPoolEmail],
      ),
    },
  ];
}

/** `From` (used only with a SourceArn) and `ReplyToEmailAddress`: RFC 5322 syntax, and From inside the identity. */
export function senderAddresses(s: EmailSetup): Outcome[] {
  const config = s.pool.EmailConfiguration;
  const problems: string[] = [];
  const evidence: Record<string, unknown> = {};
  if (config?.From !== undefined && s.sourceArn) {
    evidence[`${FIELD}.From`] = config.From;
    const from = parseMailbox(config.From);
    if (!from.ok) problems.push(`From ${JSON.stringify(config.From)} is not a valid mailbox: ${from.reason}.`);
    else if (s.source) {
      const { identity, kind } = s.source;
      const covered =
        kind === 'EMAIL_ADDRESS'
          ? from.value.address.toLowerCase() === identity.toLowerCase()
          : isWithinDomain(from.value.domain, identity);
      evidence[`${FIELD}.SourceArn`] = s.sourceArn;
      if (!covered)
        problems.push(
          kind === 'EMAIL_ADDRESS'
            ? `From ${from.value.address} is not the SourceArn's address identity ${identity}: SES refuses to send from an address the identity does not cover.`
            : `From ${from.value.address} is outside the SourceArn's domain identity ${identity}: SES refuses to send from an address the identity does not cover.`,
        );
    }
  }
  if (config?.ReplyToEmailAddress !== undefined) {
    evidence[`${FIELD}.ReplyToEmailAddress`] = config.ReplyToEmailAddress;
    const replyTo = parseAddress(config.ReplyToEmailAddress);
    if (!replyTo.ok)
      problems.push(
        `ReplyToEmailAddress ${JSON.stringify(config.ReplyToEmailAddress)} is not a valid address: ${replyTo.reason}.`,
      );
  }
  if (!problems.length) return [];
  return [
    {
      status: 'fail',
      code: 'invalid-reply-to-or-from',
      message: `${problems.join(' ')} Cognito's send fails ("Invalid email provided" / CodeDeliveryFailureException).`,
      evidence,
      remediation: remediation(
        'Correct From (an address the SES identity covers, optionally as "Name <address>", quoting a name that has commas or dots) and ReplyToEmailAddress, as a full-config update-user-pool or in your IaC.',
        [],
        [docs.userPoolEmail],
      ),
    },
  ];
}

/** The user's own address: one that is not a valid address cannot receive the code at all. */
export function userAddress(ctx: Context, s: EmailSetup, username: string): Outcome[] {
  if (s.address === undefined) return [];
  const parsed = parseAddress(s.address);
  if (parsed.ok) return [];
  return [
    {
      status: 'fail',
      code: 'email-address-undeliverable',
      message: `The user's e-mail address ${JSON.stringify(s.address)} cannot receive mail: ${parsed.reason}.`,
      evidence: { 'AdminGetUser.UserAttributes.email': s.address },
      remediation: remediation(
        'Confirm the right address with the user and store it; the change unverifies it, so the user verifies the new address (or, once ownership is proven, mark it verified).',
        [write(ctx, changeEmailRequest(ctx, username))],
        [docs.signingUp],
      ),
    },
  ];
}
