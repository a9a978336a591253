import { aws, docs, remediation } from './remedy.js';
import type { Check, Outcome } from './types.js';

const NEAR_QUOTA = 0.9;

export const email: Check = {
  id: 'email',
  title: 'E-mail can reach the user',
  scope: 'EMAIL',
  dependsOn: ['pool', 'user'],
  codes: [
    'cognito-default-email-daily-limit',
    'ses-sandbox',
    'ses-sending-paused',
    'ses-quota-exceeded',
    'ses-account-suppression-list',
  ],
  reads: ['ses:GetAccount', 'ses:GetSuppressedDestination'],
  docs: [docs.userPoolEmail, docs.quotas],
  async run(ctx) {
    const [p, { attributes: a }] = await Promise.all([ctx.pool(), ctx.user()]);
    const address = a.email;
    if (!address) return { status: 'skip', message: 'The user has no e-mail address: no code can go by e-mail.' };
    const config = p.EmailConfiguration;
    const sendingAccount = config?.EmailSendingAccount ?? 'COGNITO_DEFAULT';
    if (sendingAccount !== 'DEVELOPER') {
      return {
        status: 'warn',
        code: 'cognito-default-email-daily-limit',
        message:
          'The pool sends e-mail through Cognito\'s default sender, which allows 50 e-mails a day for the whole account; past that, ForgotPassword fails with LimitExceededException "Exceeded daily email limit".',
        evidence: {
          'DescribeUserPool.UserPool.EmailConfiguration.EmailSendingAccount': config?.EmailSendingAccount ?? null,
        },
        remediation: remediation(
          'Send through your own verified Amazon SES identity (EmailSendingAccount=DEVELOPER, SourceArn=<identity ARN>), as a full-config update-user-pool or in your IaC.',
          [],
          [docs.userPoolEmail, docs.quotas],
        ),
      };
    }
    const region = await ctx.sesRegion();
    const [account, suppressed] = await Promise.all([
      ctx.ses.account(region),
      ctx.ses.suppressedDestination(region, address),
    ]);
    const where = {
      sesRegion: region,
      'DescribeUserPool.UserPool.EmailConfiguration.SourceArn': config?.SourceArn ?? null,
    };
    const outcomes: Outcome[] = [];
    if (account.ProductionAccessEnabled === false) {
      outcomes.push({
        status: 'fail',
        code: 'ses-sandbox',
        message: `The SES account in ${region} is in the sandbox: it sends only to verified addresses, so the code to ${address} is rejected.`,
        evidence: { ...where, 'GetAccount.ProductionAccessEnabled': false },
        remediation: remediation(
          'Request SES production access for this Region. To test meanwhile, verify the recipient address:',
          [
            aws(
              ctx,
              [
                'sesv2',
                'put-account-details',
                '--production-access-enabled',
                '--mail-type',
                'TRANSACTIONAL',
                '--website-url',
                { raw: '"$WEBSITE_URL"' },
                '--use-case-description',
                'Password-reset codes for our Cognito user pool',
              ],
              region,
            ),
            aws(ctx, ['sesv2', 'create-email-identity', '--email-identity', address], region),
          ],
          [docs.sesProduction],
        ),
      });
    }
    if (account.SendingEnabled === false || (account.EnforcementStatus && account.EnforcementStatus !== 'HEALTHY')) {
      outcomes.push({
        status: 'fail',
        code: 'ses-sending-paused',
        message: `SES sending is paused in ${region} (SendingEnabled ${account.SendingEnabled}, EnforcementStatus ${account.EnforcementStatus ?? 'unknown'}): no e-mail leaves the account.`,
        evidence: {
          ...where,
          'GetAccount.SendingEnabled': account.SendingEnabled ?? null,
          'GetAccount.EnforcementStatus': account.EnforcementStatus ?? null,
        },
        remediation: remediation(
          'Resolve the bounce or complaint problem that paused sending; if you paused it yourself, resume it:',
          [aws(ctx, ['sesv2', 'put-account-sending-attributes', '--sending-enabled'], region)],
          ['https://docs.aws.amazon.com/ses/latest/dg/monitor-sender-reputation.html'],
        ),
      });
    }
    const quota = account.SendQuota;
    if (
      quota?.Max24HourSend !== undefined &&
      quota.SentLast24Hours !== undefined &&
      quota.Max24HourSend >= 0 &&
      quota.SentLast24Hours >= quota.Max24HourSend * NEAR_QUOTA
    ) {
      const exceeded = quota.SentLast24Hours >= quota.Max24HourSend;
      outcomes.push({
        status: exceeded ? 'fail' : 'warn',
        code: 'ses-quota-exceeded',
        message: `SES in ${region} sent ${quota.SentLast24Hours} of ${quota.Max24HourSend} e-mails allowed in 24 hours${exceeded ? ': further codes are not sent until the window moves on' : ': close to the quota'}.`,
        evidence: {
          ...where,
          'GetAccount.SendQuota.SentLast24Hours': quota.SentLast24Hours,
          'GetAccount.SendQuota.Max24HourSend': quota.Max24HourSend,
        },
        remediation: remediation('Request an SES sending-quota increase for this Region.', [], [docs.sesQuotas]),
      });
    }
    if (suppressed) {
      outcomes.push({
        status: 'fail',
        code: 'ses-account-suppression-list',
        message: `${address} is on the SES account suppression list in ${region} (reason ${suppressed.Reason}, since ${suppressed.LastUpdateTime?.toISOString() ?? 'unknown'}): SES drops every message to it.`,
        evidence: {
          ...where,
          'GetSuppressedDestination.SuppressedDestination.Reason': suppressed.Reason ?? null,
          'GetSuppressedDestination.SuppressedDestination.LastUpdateTime':
            suppressed.LastUpdateTime?.toISOString() ?? null,
        },
        remediation: remediation(
          'Once the address is known to be valid again, remove it from the suppression list:',
          [aws(ctx, ['sesv2', 'delete-suppressed-destination', '--email-address', address], region)],
          [docs.sesSuppression],
        ),
      });
    }
    return outcomes.length
      ? outcomes
      : {
          status: 'pass',
          message: `SES in ${region} can send to ${address}: production access, sending enabled, within quota, not suppressed.`,
          evidence: {
            ...where,
            'GetAccount.ProductionAccessEnabled': true,
            'GetAccount.SendingEnabled': account.SendingEnabled ?? null,
          },
        };
  },
};
