import type { Context } from '../context/index.js';
import { maskDestination } from '../domain/channel.js';
import type { ContactAttribute } from '../domain/contact-holders.js';
import { callsBy } from '../domain/logs.js';
import { aws, markVerifiedRequest, write } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import { verifyStateOutcomes } from './verify-attribute/user-state.js';
import type { Check, Evidence, Outcome } from './types.js';

const NAME: Record<ContactAttribute, string> = { email: 'e-mail address', phone_number: 'phone number' };
/** How far back an administrator's change of the attribute is looked for. */
const ADMIN_UPDATE_WINDOW_MS = 30 * 86_400_000;

/**
 * Whether Cognito sends a verification code for this attribute (GetUserAttributeVerificationCode, or a
 * change through UpdateUserAttributes) and where: only to a user who can sign in (it asks with its
 * access token), to the value itself, the new one when a change waits for verification; an
 * administrator's change (AdminUpdateUserAttributes) sends nothing.
 */
export const verifyAttribute: Check = {
  id: 'verify-attribute',
  title: 'The user can receive a verification code for the attribute',
  scope: 'core',
  dependsOn: ['pool', 'user'],
  codes: [
    'user-disabled',
    'user-force-change-password',
    'user-unconfirmed',
    'user-reset-required',
    'federated-user',
    'unrecognised-user-status',
    'no-verified-contact',
    'pending-update-code-to-old-address',
    'attribute-changed-now-unverified',
  ],
  reads: ['cognito-idp:DescribeUserPool', 'cognito-idp:AdminGetUser', 'cloudtrail:LookupEvents'],
  docs: [docs.verifyAttribute, docs.signingUp],
  async run(ctx) {
    const [p, { user: u, attributes: a }, prediction] = await Promise.all([ctx.pool(), ctx.user(), ctx.channel()]);
    if (!u || !prediction) return { status: 'skip', message: 'No single user was resolved.' };
    const n = ctx.target.attribute ?? 'email';
    const username = u.Username!;
    const status = u.UserStatus ?? 'UNKNOWN';
    const keepOriginal = (p.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []).includes(n);
    const evidence: Evidence = {
      'AdminGetUser.UserStatus': status,
      [`AdminGetUser.UserAttributes.${n}`]: a[n] ?? null,
      [`AdminGetUser.UserAttributes.${n}_verified`]: a[`${n}_verified`] ?? null,
      'DescribeUserPool.UserPool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate':
        p.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [],
    };
    const { outcomes, elsewhere } = verifyStateOutcomes(ctx, u, p, a.email, evidence);
    if (elsewhere) return outcomes;
    if (!a[n]) {
      outcomes.push({
        status: 'fail',
        code: 'no-verified-contact',
        message: `User ${username} has no ${n}: there is nothing a code could be sent to until the user (UpdateUserAttributes) or an administrator sets one.`,
        evidence,
        remediation: remediation(`Have the user set the ${NAME[n]} in the app; Cognito then sends the code to it.`),
      });
      return outcomes;
    }
    const where = `${prediction.channel} to ${maskDestination(prediction.destination)}`;
    if (keepOriginal) {
      outcomes.push({
        status: 'info',
        code: 'pending-update-code-to-old-address',
        message: `This pool keeps the original ${NAME[n]} until a change is verified (AttributesRequireVerificationBeforeUpdate): the code for a change goes to the new value, which AdminGetUser does not show until it is verified; the current value ${maskDestination(a[n])} (${n}_verified ${a[`${n}_verified`] ?? 'absent'}) stays in force meanwhile, and ForgotPassword codes still go there. Without a pending change, a requested code goes by ${where}.`,
        evidence,
        remediation: remediation(
          'The user enters the code sent to the new value (within 24 hours; GetUserAttributeVerificationCode sends a new one, 5 an hour), or changes the value again.',
          [],
          [docs.verifyAttribute],
        ),
      });
    } else if (a[`${n}_verified`] !== 'true') {
      outcomes.push(await unverified(ctx, username, n, a, where, evidence));
    }
    if (outcomes.length) return outcomes;
    return {
      status: 'pass',
      message: `User ${username}'s ${NAME[n]} is verified; a requested code goes by ${where}.`,
      evidence,
    };
  },
};

/** An unverified value: changed by the user (a code was sent) or by an administrator (nothing was sent). */
async function unverified(
  ctx: Context,
  username: string,
  n: ContactAttribute,
  a: Record<string, string>,
  where: string,
  evidence: Evidence,
): Promise<Outcome> {
  const end = ctx.target.now;
  const start = new Date(end.getTime() - ADMIN_UPDATE_WINDOW_MS);
  const history = await ctx.cloudtrail.eventsNamed(ctx.target.region, 'AdminUpdateUserAttributes', start, end);
  const latest = a.sub ? callsBy(history.events, a.sub).find((c) => !c.errorCode) : undefined;
  const mark = write(ctx, markVerifiedRequest(ctx, username, n));
  if (latest) {
    return {
      status: 'warn',
      code: 'attribute-changed-now-unverified',
      message: `An administrator changed user ${username}'s attributes on ${latest.time.toISOString()} (AdminUpdateUserAttributes) and the ${NAME[n]} is unverified: an administrator's change sets the value without sending any code, so the user got none. The user asks for one (GetUserAttributeVerificationCode, signed in); it goes by ${where}.`,
      evidence: { ...evidence, 'LookupEvents.Events[AdminUpdateUserAttributes].EventTime': latest.time.toISOString() },
      remediation: remediation(
        'Have the user request a code in the app, or, once ownership is proven out of band, mark the value verified:',
        [mark],
        [docs.verifyAttribute],
      ),
    };
  }
  return {
    status: 'info',
    code: 'attribute-changed-now-unverified',
    message: `User ${username}'s ${NAME[n]} is unverified, and this pool stores a changed value at once (it does not keep the original until verified): the code goes to the value itself, by ${where}. Until it is verified it cannot receive ForgotPassword codes nor serve as a sign-in alias.`,
    evidence,
    remediation: remediation(
      'The user enters the code (within 24 hours) or asks for a new one (GetUserAttributeVerificationCode, 5 an hour). CloudTrail shows who changed it:',
      [
        aws(ctx, [
          'cloudtrail',
          'lookup-events',
          '--lookup-attributes',
          'AttributeKey=EventName,AttributeValue=AdminUpdateUserAttributes',
          '--start-time',
          start.toISOString(),
        ]),
      ],
      [docs.verifyAttribute],
    ),
  };
}
