import { aws, docs, poolUser, remediation } from './remedy.js';
import type { Check } from './types.js';

export const contact: Check = {
  id: 'contact',
  title: 'The user has a verified e-mail address or phone number',
  scope: 'core',
  dependsOn: ['user'],
  codes: ['no-verified-contact'],
  reads: ['cognito-idp:AdminGetUser'],
  docs: [docs.forgotPassword, docs.signingUp],
  async run(ctx) {
    const { user: u, attributes: a } = await ctx.user();
    if (!u) return { status: 'skip', message: 'No single user was resolved.' };
    const evidence = {
      'AdminGetUser.UserAttributes.email': a.email ?? null,
      'AdminGetUser.UserAttributes.email_verified': a.email_verified ?? null,
      'AdminGetUser.UserAttributes.phone_number': a.phone_number ?? null,
      'AdminGetUser.UserAttributes.phone_number_verified': a.phone_number_verified ?? null,
    };
    const emailOk = !!a.email && a.email_verified === 'true';
    const phoneOk = !!a.phone_number && a.phone_number_verified === 'true';
    if (!emailOk && !phoneOk) {
      const present = (['email', 'phone_number'] as const).filter((n) => a[n]);
      return {
        status: 'fail',
        code: 'no-verified-contact',
        message: present.length
          ? `User ${u.Username} has ${present.join(' and ')} but none is verified: ForgotPassword fails with "Cannot reset password for the user as there is no registered/verified email or phone_number".`
          : `User ${u.Username} has neither an e-mail address nor a phone number: no code can be sent.`,
        evidence,
        remediation: remediation(
          present.length
            ? 'Confirm out of band that the user owns the address, then mark it verified (marking an unproven address verified enables account takeover):'
            : 'Add a contact the user owns, verified, or set a password as an administrator:',
          present.length
            ? present.map((n) =>
                aws(ctx, [
                  'cognito-idp',
                  'admin-update-user-attributes',
                  ...poolUser(ctx, u.Username!),
                  '--user-attributes',
                  `Name=${n}_verified,Value=true`,
                ]),
              )
            : [
                aws(ctx, [
                  'cognito-idp',
                  'admin-set-user-password',
                  ...poolUser(ctx, u.Username!),
                  '--password',
                  { raw: '"$NEW_PASSWORD"' },
                  '--permanent',
                ]),
              ],
          [docs.forgotPassword],
        ),
      };
    }
    const verified = [emailOk && 'e-mail', phoneOk && 'phone number'].filter(Boolean).join(' and ');
    const unverified = [a.email && !emailOk && 'e-mail', a.phone_number && !phoneOk && 'phone number'].filter(Boolean);
    return {
      status: 'pass',
      message: `The ${verified} ${emailOk && phoneOk ? 'are' : 'is'} verified${unverified.length ? `; the ${unverified.join(' and ')} is not, so no code can go there` : ''}.`,
      evidence,
    };
  },
};
