// The SES account Cognito sends through with EmailSendingAccount=DEVELOPER, in the SourceArn's Region:
// sandbox, sending paused, 24-hour quota, the account suppression list and the configuration set.

import type { Context } from '../../context/index.js';
import { coveringDomains, parseAddress } from '../../domain/email-address.js';
import { aws, unsuppressRequest, write } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence, Outcome } from '../types.js';
import { FIELD, type EmailSetup } from './setup.js';

const NEAR_QUOTA = 0.9;
/** The SES mailbox simulator: sandboxed accounts may send to it. */
const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

export async function accountOutcomes(ctx: Context, s: EmailSetup, facts: Evidence): Promise<Outcome[]> {
  if (s.sendingAccount !== 'DEVELOPER') return [];
  const region = s.sesRegion;
  const setName = s.pool.EmailConfiguration?.ConfigurationSet || undefined;
  // Undefined for the pool alone, or when it is malformed (SES rejects it; the address finding says why).
  const address = s.address !== undefined && parseAddress(s.address).ok ? s.address : undefined;
  const [account, suppressed, set] = await Promise.all([
    ctx.ses.account(region),
    address ? ctx.ses.suppressedDestination(region, address) : undefined,
    setName ? ctx.ses.configurationSet(region, setName) : undefined,
  ]);
  const where = s.where;
  const out: Outcome[] = [];
  facts['GetAccount.ProductionAccessEnabled'] = account.ProductionAccessEnabled ?? null;
  facts['GetAccount.SendingEnabled'] = account.SendingEnabled ?? null;

  if (account.ProductionAccessEnabled === false) out.push(await sandbox(ctx, s, address !== undefined));

  const enforced = account.EnforcementStatus && account.EnforcementStatus !== 'HEALTHY';
  if (account.SendingEnabled === false || enforced) {
    out.push({
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
        [docs.sesReputation],
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
    out.push({
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

  if (suppressed && address) {
    const bounced = suppressed.Reason === 'BOUNCE';
    out.push({
      status: 'fail',
      code: 'ses-account-suppression-list',
      message: `${address} is on the SES account suppression list in ${region} (reason ${suppressed.Reason}, since ${suppressed.LastUpdateTime?.toISOString() ?? 'unknown'}): SES drops every message to it.${bounced ? ' A hard bounce put it there: check the address for a typo or a deleted mailbox first.' : ''}`,
      evidence: {
        ...where,
        'GetSuppressedDestination.SuppressedDestination.Reason': suppressed.Reason ?? null,
        'GetSuppressedDestination.SuppressedDestination.LastUpdateTime':
          suppressed.LastUpdateTime?.toISOString() ?? null,
      },
      remediation: remediation(
        'Once the address is known to be valid again, remove it from the suppression list:',
        [write(ctx, unsuppressRequest(address, region))],
        [docs.sesSuppression],
      ),
    });
  }

  if (setName) out.push(...configurationSet(ctx, s, setName, set));
  return out;
}

/** In the sandbox SES sends only to verified identities: the address itself or a domain that covers it. */
async function sandbox(ctx: Context, s: EmailSetup, deliverable: boolean): Promise<Outcome> {
  const region = s.sesRegion;
  const address = s.address;
  const domain = address?.split('@').pop()!.toLowerCase();
  let verifiedAs: string | undefined;
  if (domain === SIMULATOR_DOMAIN) verifiedAs = SIMULATOR_DOMAIN;
  else if (deliverable && address && domain) {
    const names = [address, ...coveringDomains(domain)];
    const found = await Promise.all(names.map((n) => ctx.ses.emailIdentity(region, n)));
    verifiedAs = names.find((_, i) => found[i]?.VerifiedForSendingStatus === true);
  }
  const evidence = {
    ...s.where,
    'GetAccount.ProductionAccessEnabled': false,
    recipientVerifiedAs: verifiedAs ?? null,
  };
  if (verifiedAs)
    return {
      status: 'info',
      code: 'ses-sandbox',
      message: `The SES account in ${region} is in the sandbox, but ${address} is a verified recipient there (as ${verifiedAs}), so it receives the code; users at unverified addresses do not.`,
      evidence,
    };
  return {
    status: 'fail',
    code: 'ses-sandbox',
    message: `The SES account in ${region} is in the sandbox: it sends only to verified addresses, and ${address === undefined ? 'every other address is rejected' : `${address} is not one, so the code is rejected`}.`,
    evidence,
    remediation: remediation(
      'Request SES production access for this Region (set WEBSITE_URL to your site first). To test meanwhile, verify the recipient address:',
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
            { raw: '"${WEBSITE_URL:?set WEBSITE_URL}"' },
            '--use-case-description',
            'Password-reset codes for our Cognito user pool',
          ],
          region,
        ),
        ...(address ? [aws(ctx, ['sesv2', 'create-email-identity', '--email-identity', address], region)] : []),
      ],
      [docs.sesProduction],
    ),
  };
}

function configurationSet(
  ctx: Context,
  s: EmailSetup,
  name: string,
  set: Awaited<ReturnType<Context['ses']['configurationSet']>>,
): Outcome[] {
  const region = s.sesRegion;
  const evidence = { ...s.where, [`${FIELD}.ConfigurationSet`]: name };
  if (!set)
    return [
      {
        status: 'fail',
        code: 'ses-configuration-set-missing',
        message: `The pool sends with the SES configuration set ${name}, which does not exist in ${region}: SES rejects every message that names it.`,
        evidence: { ...evidence, 'GetConfigurationSet.ConfigurationSetName': 'NotFoundException' },
        remediation: remediation(
          'Re-create the configuration set (with its event destinations), or remove or correct ConfigurationSet in the pool as a full-config update-user-pool:',
          [aws(ctx, ['sesv2', 'create-configuration-set', '--configuration-set-name', name], region)],
          [docs.sesConfigurationSets],
        ),
      },
    ];
  if (set.SendingOptions?.SendingEnabled === false)
    return [
      {
        status: 'fail',
        code: 'ses-sending-paused',
        message: `Sending is disabled for the SES configuration set ${name} in ${region}, which the pool sends with: SES refuses every message that names it.`,
        evidence: { ...evidence, 'GetConfigurationSet.SendingOptions.SendingEnabled': false },
        remediation: remediation(
          'Re-enable sending for the configuration set (unless it was disabled on purpose):',
          [
            aws(
              ctx,
              ['sesv2', 'put-configuration-set-sending-options', '--configuration-set-name', name, '--sending-enabled'],
              region,
            ),
          ],
          [docs.sesConfigurationSets],
        ),
      },
    ];
  return [];
}
