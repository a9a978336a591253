import { aws, docs, poolUser, remediation } from './remedy.js';
import type { Check } from './types.js';
import { maskDestination } from '../domain/channel.js';

export const recovery: Check = {
  id: 'recovery',
  title: "The pool's account-recovery setting lets this user receive a code",
  scope: 'core',
  dependsOn: ['pool', 'user'],
  codes: ['recovery-admin-only', 'recovery-channel-not-verified-for-user', 'legacy-phone-preferred'],
  reads: ['cognito-idp:DescribeUserPool', 'cognito-idp:AdminGetUser'],
  docs: [docs.recovery],
  async run(ctx) {
    const [p, prediction, { user: u, attributes: a }] = await Promise.all([ctx.pool(), ctx.channel(), ctx.user()]);
    if (!u || !prediction) return { status: 'skip', message: 'No single user was resolved.' };
    const mechanisms = p.AccountRecoverySetting?.RecoveryMechanisms;
    const evidence = {
      'DescribeUserPool.UserPool.AccountRecoverySetting.RecoveryMechanisms': mechanisms ?? null,
      mechanisms: prediction.mechanisms.map(
        (m) => `${m.priority}. ${m.name}: ${m.qualifies ? 'qualifies' : 'does not qualify'} (${m.reason})`,
      ),
    };
    const username = u.Username!;
    if (prediction.rule === 'admin-only') {
      return {
        status: 'fail',
        code: 'recovery-admin-only',
        message: 'The pool allows no self-service recovery (admin_only): ForgotPassword is refused for every user.',
        evidence,
        remediation: remediation(
          'An administrator sets the password (set NEW_PASSWORD first; give it over a secure channel). Enabling self-service recovery needs a full-config update-user-pool, which resets every setting it omits.',
          [
            aws(ctx, [
              'cognito-idp',
              'admin-set-user-password',
              ...poolUser(ctx, username),
              '--password',
              { raw: '"$NEW_PASSWORD"' },
              '--permanent',
            ]),
          ],
          [docs.recovery],
        ),
      };
    }
    if (prediction.channel === 'NONE') {
      const verified = (['email', 'phone_number'] as const).filter((n) => a[n] && a[`${n}_verified`] === 'true');
      if (!verified.length) {
        return {
          status: 'skip',
          message: 'No recovery mechanism qualifies because nothing is verified (see the contact check).',
          evidence,
        };
      }
      const allowed = prediction.mechanisms.map((m) => m.name).join(', ');
      const needed = verified[0] === 'email' ? 'phone_number' : 'email';
      return {
        status: 'fail',
        code: 'recovery-channel-not-verified-for-user',
        message: `The pool recovers accounts only through ${allowed}, but this user has only a verified ${verified.join(' and ')} that does not qualify: ForgotPassword fails with "Cannot reset password for the user as there is no registered/verified email or phone_number".`,
        evidence,
        remediation: remediation(
          `Verify the user's ${needed} (after confirming ownership out of band), or add a recovery mechanism with a full-config update-user-pool:`,
          a[needed]
            ? [
                aws(ctx, [
                  'cognito-idp',
                  'admin-update-user-attributes',
                  ...poolUser(ctx, username),
                  '--user-attributes',
                  `Name=${needed}_verified,Value=true`,
                ]),
              ]
            : [],
          [docs.recovery],
        ),
      };
    }
    const where = `${prediction.channel} to ${maskDestination(prediction.destination)}`;
    if (prediction.rule === 'legacy' && prediction.channel === 'SMS' && a.email) {
      return {
        status: 'info',
        code: 'legacy-phone-preferred',
        message: `The pool has no AccountRecoverySetting, so Cognito uses the legacy rule (verified phone first): the code goes by ${where}, not to the e-mail address.`,
        evidence,
      };
    }
    return {
      status: 'pass',
      message: `The code goes by ${where} (${prediction.rule === 'legacy' ? 'legacy rule: no AccountRecoverySetting, verified phone first, then e-mail' : 'AccountRecoverySetting'}).`,
      evidence,
    };
  },
};
