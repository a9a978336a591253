import type { AdminGetUserCommandOutput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { AwsCallError } from '../aws/errors.js';
import type { Context } from '../context/index.js';
import { maskDestination, type ChannelPrediction } from '../domain/channel.js';
import { aws, markVerifiedRequest, setPasswordRequest, write, type WriteCommand } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import { adminCreationProof } from './contact/admin-created.js';
import type { Check, Evidence, Outcome } from './types.js';

const DAY_MS = 86_400_000;
/** How recent a modification must be to suggest a contact change still pending verification. */
const PENDING_WINDOW_MS = 7 * DAY_MS;

type Contact = 'email' | 'phone_number';
const CONTACTS: readonly Contact[] = ['email', 'phone_number'];
const NAME: Record<Contact, string> = { email: 'e-mail address', phone_number: 'phone number' };

export const contact: Check = {
  id: 'contact',
  title: 'The user has a verified e-mail address or phone number',
  scope: 'core',
  dependsOn: ['user'],
  codes: [
    'no-verified-contact',
    'admin-created-without-verified-flag',
    'presignup-autoconfirm-without-autoverify',
    'imported-without-verified-flag',
    'attribute-changed-now-unverified',
    'auto-verification-disabled',
    'only-one-contact-verified-at-signup',
    'pending-update-code-to-old-address',
  ],
  reads: [
    'cognito-idp:DescribeUserPool',
    'cognito-idp:AdminGetUser',
    'cognito-idp:ListUserImportJobs',
    'cloudtrail:LookupEvents',
  ],
  docs: [docs.forgotPassword, docs.signingUp, docs.verification],
  async run(ctx) {
    const [p, { user: read, attributes: a }, prediction] = await Promise.all([ctx.pool(), ctx.user(), ctx.channel()]);
    if (!read) {
      // The pool alone: whether users can verify a contact at all is the pool's part of this check.
      if (!ctx.target.census) return { status: 'skip', message: 'No user was resolved.' };
      return (
        autoVerifyOff(ctx, p, 'users') ?? {
          status: 'pass',
          message: `Cognito-assisted verification is on (${(p.AutoVerifiedAttributes ?? []).join(', ')}): users can verify a contact.`,
          evidence: { 'DescribeUserPool.UserPool.AutoVerifiedAttributes': p.AutoVerifiedAttributes ?? [] },
        }
      );
    }
    // After --fix wrote to the user, its fresh UserLastModifiedDate is the fix's own doing, not a
    // contact change: the rules below judge the date from before the fix.
    const before = ctx.target.afterFix?.userModified;
    const u = before ? { ...read, UserLastModifiedDate: before } : read;
    const status = u.UserStatus ?? 'UNKNOWN';
    const autoVerify = autoVerifyOff(ctx, p, `user ${u.Username}`);
    if (status === 'EXTERNAL_PROVIDER') {
      return { status: 'skip', message: 'A federated user has no Cognito password: see the user-status check.' };
    }
    if (status === 'UNCONFIRMED') {
      // Confirming the sign-up is what verifies the contact; user-status reports that.
      return autoVerify ?? { status: 'skip', message: 'The user never confirmed the sign-up: see user-status.' };
    }
    const verified = (n: Contact) => !!a[n] && a[`${n}_verified`] === 'true';
    const evidence: Evidence = {
      'AdminGetUser.UserAttributes.email': a.email ?? null,
      'AdminGetUser.UserAttributes.email_verified': a.email_verified ?? null,
      'AdminGetUser.UserAttributes.phone_number': a.phone_number ?? null,
      'AdminGetUser.UserAttributes.phone_number_verified': a.phone_number_verified ?? null,
    };
    if (!CONTACTS.some(verified)) {
      const outcome = await noVerifiedContact(ctx, p, u, a, evidence);
      return autoVerify ? [outcome, autoVerify] : outcome;
    }
    const outcomes: Outcome[] = [];
    const onlyOne = onlyOneAtSignup(ctx, p, u, a, prediction, evidence);
    if (onlyOne) outcomes.push(onlyOne);
    for (const n of CONTACTS) {
      if (verified(n) || !a[n] || onlyOne) continue;
      if (changedAfterSignup(p, u, a, n)) outcomes.push(changedNowUnverified(ctx, p, u, n, evidence, 'warn'));
    }
    const pending = pendingUpdate(ctx, p, u, prediction);
    if (pending) outcomes.push(pending);
    if (outcomes.length) return outcomes;
    const unverified = CONTACTS.filter((n) => a[n] && !verified(n)).map((n) => NAME[n]);
    const ok = CONTACTS.filter(verified).map((n) => NAME[n]);
    return {
      status: 'pass',
      message: `The ${ok.join(' and ')} ${ok.length > 1 ? 'are' : 'is'} verified${unverified.length ? `; the ${unverified.join(' and ')} is not, so no code can go there` : ''}.`,
      evidence,
    };
  },
};

/** The commands that mark each present contact verified (after proof of ownership). */
function markVerified(ctx: Context, u: AdminGetUserCommandOutput, present: readonly Contact[]): WriteCommand[] {
  return present.map((n) => write(ctx, markVerifiedRequest(ctx, u.Username!, n)));
}

const PROOF =
  'Confirm out of band that the user owns the address, then mark it verified (marking an unproven address verified enables account takeover):';

/** `no-verified-contact`, or the more specific cause when the user's status and the pool's settings show how it happened. */
async function noVerifiedContact(
  ctx: Context,
  p: UserPoolType,
  u: AdminGetUserCommandOutput,
  a: Record<string, string>,
  evidence: Evidence,
): Promise<Outcome> {
  const username = u.Username!;
  const present = CONTACTS.filter((n) => a[n]);
  if (!present.length) {
    return {
      status: 'fail',
      code: 'no-verified-contact',
      message: `User ${username} has neither an e-mail address nor a phone number: no code can be sent.`,
      evidence,
      remediation: remediation(
        'Add a contact the user owns, verified, or set a password as an administrator (set NEW_PASSWORD first; give it over a secure channel):',
        [write(ctx, setPasswordRequest(ctx, username))],
        [docs.forgotPassword],
      ),
    };
  }
  const has =
    present.length > 1
      ? `has an ${NAME.email} and a ${NAME.phone_number}, but neither is verified`
      : `has ${present[0] === 'email' ? 'an' : 'a'} ${NAME[present[0]!]}, but it is not verified`;
  const consequence =
    'ForgotPassword fails with "Cannot reset password for the user as there is no registered/verified email or phone_number".';
  const fix = (text: string, extraDocs: string[] = []) =>
    remediation(`${text} ${PROOF}`, markVerified(ctx, u, present), [docs.forgotPassword, ...extraDocs], true);
  const status = u.UserStatus;
  const dates = {
    'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString(),
    'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate?.toISOString(),
  };

  const adminCreated = (how: string, so: string, extra: Evidence): Outcome => ({
    status: 'fail',
    code: 'admin-created-without-verified-flag',
    message: `User ${username} was created by an administrator ${how} without marking the contact verified: the user ${has}, so ${so}${consequence}`,
    evidence: { ...evidence, 'AdminGetUser.UserStatus': status, ...extra },
    remediation: fix('When creating users, pass Name=email_verified,Value=true along with the address.'),
  });

  if (status === 'FORCE_CHANGE_PASSWORD')
    return adminCreated('(FORCE_CHANGE_PASSWORD)', 'even after the first sign-in, ', {});
  // Past FORCE_CHANGE_PASSWORD only CloudTrail still tells an admin-created user from a signed-up one.
  const proof = status === 'CONFIRMED' || status === 'RESET_REQUIRED' ? await adminCreationProof(ctx) : undefined;
  const created = proof?.event;
  if (created) {
    const how = `(CloudTrail: AdminCreateUser at ${created.time.toISOString()}, ${created.matchedBy === 'sub' ? "recorded with the user's sub" : 'the moment the user was created'}) and has since left FORCE_CHANGE_PASSWORD (now ${status})`;
    return adminCreated(how, '', { ...dates, ...proof.evidence });
  }
  const unknown = proof?.unknown ? ` (${proof.unknown})` : '';
  const trail = proof?.evidence ?? {};
  if (status === 'RESET_REQUIRED') {
    const imported = await importedBy(ctx, u);
    if (imported.job) {
      return {
        status: 'fail',
        code: 'imported-without-verified-flag',
        message: `User ${username} was imported (job ${imported.job.JobName ?? imported.job.JobId}) without email_verified or phone_number_verified set to "true": imported users must reset their password (RESET_REQUIRED), but the user ${has}, so ${consequence}`,
        evidence: {
          ...evidence,
          'AdminGetUser.UserStatus': status,
          ...dates,
          'ListUserImportJobs.UserImportJobs[].JobId': imported.job.JobId,
          'ListUserImportJobs.UserImportJobs[].StartDate': imported.job.StartDate?.toISOString(),
          'ListUserImportJobs.UserImportJobs[].CompletionDate': imported.job.CompletionDate?.toISOString(),
        },
        remediation: fix('For the remaining users, re-import with email_verified=true in the CSV.', [docs.userImport]),
      };
    }
    return {
      status: 'fail',
      code: 'no-verified-contact',
      message: `User ${username} must reset the password (RESET_REQUIRED), but ${has}: ${consequence}${unknown}`,
      evidence: { ...evidence, 'AdminGetUser.UserStatus': status, ...imported.evidence, ...trail },
      remediation: fix(''),
    };
  }
  const modifiedLater = modifiedAfterSignup(u);
  const preSignUp = p.LambdaConfig?.PreSignUp;
  if (status === 'CONFIRMED' && preSignUp && !modifiedLater) {
    return {
      status: 'fail',
      code: 'presignup-autoconfirm-without-autoverify',
      message: `User ${username} is CONFIRMED with nothing verified and has not changed since sign-up: the pool's PreSignUp trigger confirmed it (autoConfirmUser) without autoVerifyEmail/autoVerifyPhone, so the user ${has}, and ${consequence}`,
      evidence: { ...evidence, 'DescribeUserPool.UserPool.LambdaConfig.PreSignUp': preSignUp, ...dates, ...trail },
      remediation: fix('Make the trigger also set autoVerifyEmail (or autoVerifyPhone) when it sets autoConfirmUser.', [
        docs.preSignUp,
      ]),
    };
  }
  const changed = status === 'CONFIRMED' ? present.find((n) => changedAfterSignup(p, u, a, n)) : undefined;
  if (changed) return changedNowUnverified(ctx, p, u, changed, evidence, 'fail');
  if (status === 'CONFIRMED' && preSignUp) {
    return {
      status: 'fail',
      code: 'presignup-autoconfirm-without-autoverify',
      message: `User ${username} is CONFIRMED with nothing verified and the pool has a PreSignUp trigger: it most likely confirmed the user (autoConfirmUser) without autoVerifyEmail/autoVerifyPhone, so the user ${has}, and ${consequence}`,
      evidence: { ...evidence, 'DescribeUserPool.UserPool.LambdaConfig.PreSignUp': preSignUp, ...dates, ...trail },
      remediation: fix('Make the trigger also set autoVerifyEmail (or autoVerifyPhone) when it sets autoConfirmUser.', [
        docs.preSignUp,
      ]),
    };
  }
  return {
    status: 'fail',
    code: 'no-verified-contact',
    message: `User ${username} ${has}: ${consequence}${unknown}`,
    evidence: { ...evidence, ...trail },
    remediation: fix(''),
  };
}

/** The import job whose run covers the user's creation, if the pool's import history shows one. */
async function importedBy(ctx: Context, u: AdminGetUserCommandOutput) {
  try {
    const jobs = await ctx.cognito.userImportJobs();
    const created = u.UserCreateDate?.getTime();
    const job =
      created === undefined
        ? undefined
        : jobs.find((j) => {
            const start = (j.StartDate ?? j.CreationDate)?.getTime();
            const end = j.CompletionDate?.getTime() ?? ctx.target.now.getTime();
            return start !== undefined && created >= start - 60_000 && created <= end + 60_000;
          });
    return { job, evidence: { 'ListUserImportJobs.UserImportJobs': jobs.length } };
  } catch (err) {
    // Without the import history the finding is still certain, only less specific.
    if (!(err instanceof AwsCallError)) throw err;
    return { job: undefined, evidence: { 'ListUserImportJobs.error': err.awsCode } };
  }
}

/** The user changed after the sign-up was settled (confirmation codes last 24 hours). */
function modifiedAfterSignup(u: AdminGetUserCommandOutput): boolean {
  const created = u.UserCreateDate?.getTime();
  const modified = u.UserLastModifiedDate?.getTime();
  return created !== undefined && modified !== undefined && modified - created > DAY_MS;
}

/**
 * A confirmed user had this contact verified at confirmation (it is an auto-verified attribute, and
 * sign-up verifies the phone when both are), it is unverified now, the user changed since, and the
 * pool does not keep the original value until a change is verified: the value was changed.
 */
function changedAfterSignup(
  p: UserPoolType,
  u: AdminGetUserCommandOutput,
  a: Record<string, string>,
  n: Contact,
): boolean {
  const auto = (p.AutoVerifiedAttributes ?? []) as string[];
  const kept = (p.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []) as string[];
  if (u.UserStatus !== 'CONFIRMED' || !a[n] || a[`${n}_verified`] === 'true') return false;
  if (!auto.includes(n) || kept.includes(n) || !modifiedAfterSignup(u)) return false;
  // With both auto-verified, sign-up verifies only the phone: an unverified e-mail proves nothing.
  return !(n === 'email' && a.phone_number && auto.includes('phone_number'));
}

function changedNowUnverified(
  ctx: Context,
  p: UserPoolType,
  u: AdminGetUserCommandOutput,
  n: Contact,
  evidence: Evidence,
  status: 'fail' | 'warn',
): Outcome {
  const username = u.Username!;
  const modified = u.UserLastModifiedDate?.toISOString().slice(0, 10);
  return {
    status,
    code: 'attribute-changed-now-unverified',
    message: `User ${username}'s ${NAME[n]} was verified when the sign-up was confirmed (${n} is auto-verified) but is unverified now: it was changed after sign-up (last modified ${modified}), and this pool stores a changed ${NAME[n]} at once, unverified (it does not keep the original until the new one is verified). ${status === 'fail' ? 'Nothing is verified any more, so ForgotPassword fails with "Cannot reset password for the user as there is no registered/verified email or phone_number".' : `No code can go to the ${NAME[n]} any more, nor does it work as a sign-in alias.`}`,
    evidence: {
      ...evidence,
      'DescribeUserPool.UserPool.AutoVerifiedAttributes': p.AutoVerifiedAttributes ?? [],
      'DescribeUserPool.UserPool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate':
        p.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [],
      'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString(),
      'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate?.toISOString(),
    },
    remediation: remediation(
      `The signed-in user can verify the new ${NAME[n]} (GetUserAttributeVerificationCode, then VerifyUserAttribute). As an administrator: ${PROOF}`,
      markVerified(ctx, u, [n]),
      [docs.verification],
    ),
  };
}

/**
 * Sign-up verifies one contact: with both auto-verified and both given, only the phone. The e-mail
 * stays unverified, so the code goes by SMS or, with e-mail-only recovery, nowhere.
 */
function onlyOneAtSignup(
  ctx: Context,
  p: UserPoolType,
  u: AdminGetUserCommandOutput,
  a: Record<string, string>,
  prediction: ChannelPrediction | undefined,
  evidence: Evidence,
): Outcome | undefined {
  const auto = (p.AutoVerifiedAttributes ?? []) as string[];
  if (!auto.includes('email') || !auto.includes('phone_number')) return undefined;
  if (a.phone_number_verified !== 'true' || !a.email || a.email_verified === 'true') return undefined;
  // The e-mail would have been chosen before the phone, had it been verified.
  const order = prediction?.mechanisms.map((m) => m.name) ?? [];
  const emailFirst =
    prediction?.channel === 'SMS' &&
    order.includes('verified_email') &&
    order.indexOf('verified_email') < order.indexOf('verified_phone_number');
  const username = u.Username!;
  return {
    status: emailFirst ? 'warn' : 'info',
    code: 'only-one-contact-verified-at-signup',
    message: `User ${username} signed up with both an e-mail address and a phone number, and the pool auto-verifies both: Cognito verifies only one at sign-up, the phone, so the e-mail address was never verified.${emailFirst ? ` The code goes by SMS to ${maskDestination(a.phone_number)}, not to the e-mail address the user probably expects.` : ''}`,
    evidence: { ...evidence, 'DescribeUserPool.UserPool.AutoVerifiedAttributes': auto },
    remediation: remediation(
      `Once signed in, the user verifies the e-mail address (GetUserAttributeVerificationCode, then VerifyUserAttribute; 5 codes an hour). As an administrator: ${PROOF}`,
      markVerified(ctx, u, ['email']),
      [docs.signingUp],
    ),
  };
}

/**
 * The pool keeps the original value until a change is verified, and the user changed recently: a
 * new address may be pending, and codes go to the old one shown here.
 */
function pendingUpdate(
  ctx: Context,
  p: UserPoolType,
  u: AdminGetUserCommandOutput,
  prediction: ChannelPrediction | undefined,
): Outcome | undefined {
  const kept = (p.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []) as string[];
  const n = prediction?.attribute;
  const modified = u.UserLastModifiedDate?.getTime();
  if (!n || !kept.includes(n) || modified === undefined || !modifiedAfterSignup(u)) return undefined;
  if (ctx.target.now.getTime() - modified > PENDING_WINDOW_MS) return undefined;
  return {
    status: 'info',
    code: 'pending-update-code-to-old-address',
    message: `This pool keeps the original ${NAME[n]} active until a change is verified, and user ${u.Username} changed on ${u.UserLastModifiedDate!.toISOString().slice(0, 10)}: if that was a new ${NAME[n]} not yet verified, the code goes to the old one, ${maskDestination(prediction.destination)} (the value shown here), not to the new one.`,
    evidence: {
      'DescribeUserPool.UserPool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate': kept,
      'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate!.toISOString(),
      [`AdminGetUser.UserAttributes.${n}`]: prediction.destination ?? null,
    },
    remediation: remediation(
      `Ask the user which ${NAME[n]} they expect the code at. A pending change completes when they verify the new value (the code went to the new one); an administrator can also set it directly with admin-update-user-attributes.`,
      [],
      [docs.verification],
    ),
  };
}

/**
 * Cognito-assisted verification is off: no verification code is ever sent, so a user without a
 * verified contact (or an unconfirmed one) cannot fix it alone.
 */
function autoVerifyOff(ctx: Context, p: UserPoolType, who: string): Outcome | undefined {
  if ((p.AutoVerifiedAttributes ?? []).length) return undefined;
  return {
    status: 'warn',
    code: 'auto-verification-disabled',
    message: `The pool has no auto-verified attributes (Cognito-assisted verification is off): Cognito sends no verification code at sign-up, and ResendConfirmationCode fails with "Cannot resend codes. Auto verification not turned on.", so ${who} cannot verify a contact alone.`,
    evidence: { 'DescribeUserPool.UserPool.AutoVerifiedAttributes': p.AutoVerifiedAttributes ?? null },
    remediation: remediation(
      'Turn on Cognito-assisted verification (AutoVerifiedAttributes: email) in the console or IaC. With the CLI it is a full-config update-user-pool, which resets every setting it omits: start from the current configuration:',
      [aws(ctx, ['cognito-idp', 'describe-user-pool', '--user-pool-id', ctx.target.userPoolId])],
      [docs.verification, docs.updateUserPool],
    ),
  };
}
