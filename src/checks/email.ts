import { accountOutcomes } from './email/account.js';
import { defaultSender, senderAddresses, template, userAddress } from './email/config.js';
import { identityOutcomes } from './email/identity.js';
import { emailSetup, mergeByCode } from './email/setup.js';
import { orUnread } from './unread.js';
import { docs } from '../remedy/links.js';
import type { Check, Evidence } from './types.js';

/**
 * The e-mail channel: Cognito's default sender (quota, shared sender, hidden suppression list) or SES
 * (account, identity, authorisation, configuration set) in the Region of the SourceArn identity, plus the
 * sender addresses, the code template and the user's own address. Independent SES reads run together.
 */
export const email: Check = {
  id: 'email',
  title: 'E-mail can reach the user',
  scope: 'EMAIL',
  dependsOn: ['pool', 'user'],
  codes: [
    'cognito-default-email-daily-limit',
    'cognito-default-suppression-list',
    'cognito-default-sender-filtered',
    'ses-sandbox',
    'ses-identity-unverified-or-mismatched',
    'ses-authorization-missing',
    'ses-sending-paused',
    'ses-account-suppression-list',
    'ses-quota-exceeded',
    'invalid-reply-to-or-from',
    'ses-configuration-set-missing',
    'email-template-invalid',
    'email-address-undeliverable',
    'email-auth-alignment',
  ],
  reads: ['ses:GetAccount', 'ses:GetEmailIdentity', 'ses:GetSuppressedDestination', 'ses:GetConfigurationSet'],
  docs: [docs.userPoolEmail, docs.quotas, docs.sesSendingAuthorization],
  async run(ctx) {
    const [pool, resolution] = await Promise.all([ctx.pool(), ctx.user()]);
    // The pool alone (the census): the channel for every address, no address of its own.
    const census = !resolution.user && ctx.target.census;
    if (!resolution.user && !census) return { status: 'skip', message: 'No user was resolved.' };
    const address = resolution.attributes.email;
    if (!address && !census) {
      return { status: 'skip', message: 'The user has no e-mail address: no code can go by e-mail.' };
    }
    const s = await emailSetup(ctx, pool, address);
    const username = resolution.user?.Username ?? resolution.input;
    const sender = pool.LambdaConfig?.CustomEmailSender?.LambdaArn;
    if (sender) {
      // Cognito hands the code to the function instead of sending it: the pool's SES or default-sender
      // settings deliver nothing, so only the address itself is worth checking here.
      const own = userAddress(ctx, s, username);
      return own.length
        ? own
        : {
            status: 'pass',
            message: `A CustomEmailSender Lambda function delivers this pool's e-mail, not Cognito through SES or its default sender: the triggers check covers the function.`,
            evidence: { 'DescribeUserPool.UserPool.LambdaConfig.CustomEmailSender.LambdaArn': sender },
          };
    }
    const facts: Evidence = { ...s.where };
    // Each source on its own: a denied read leaves what the other proved.
    const [identity, account] = await Promise.all([
      orUnread(identityOutcomes(ctx, s, facts), 'whether the SES identity is verified and Cognito may send from it'),
      orUnread(
        accountOutcomes(ctx, s, facts),
        'whether the SES account can send (sandbox, pause, quota, suppression list)',
      ),
    ]);
    const outcomes = mergeByCode([
      ...userAddress(ctx, s, username),
      ...defaultSender(s),
      ...template(s),
      ...senderAddresses(s),
      ...[identity, account].flat(),
    ]);
    if (outcomes.length) return outcomes;
    const to = address ? ` to ${address}` : '';
    return {
      status: 'pass',
      message:
        s.sendingAccount === 'DEVELOPER'
          ? `SES in ${s.sesRegion} can send${to}: the identity is verified and DKIM-signed, production access, sending enabled, within quota${address ? ', not suppressed' : ''}.`
          : `Cognito's default sender can send from ${s.source?.identity ?? 'its own address'}${to}.`,
      evidence: facts,
    };
  },
};
