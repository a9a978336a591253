// The SES identity of `EmailConfiguration.SourceArn`: in the pool's account, in a Region Cognito accepts for
// the pool, verified (itself or through its domain), DKIM-signing, and — for Cognito's default sender with a
// custom From — shared with Cognito by a sending-authorization policy.

import type { GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import type { Context } from '../../context/index.js';
import { coveringDomains } from '../../domain/email-address.js';
import { cognitoSendingAuthorization, cognitoSendingPolicy } from '../../domain/ses-policy.js';
import { allowedSesRegions } from '../../domain/ses.js';
import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence, Outcome } from '../types.js';
import { FIELD, type EmailSetup } from './setup.js';

const CODE = 'ses-identity-unverified-or-mismatched';
const FIX_TEXT =
  'Verify the identity in SES, or point SourceArn at a verified identity in an allowed Region (full-config update-user-pool or IaC).';

type Identity = GetEmailIdentityCommandOutput | undefined;

export async function identityOutcomes(ctx: Context, s: EmailSetup, facts: Evidence): Promise<Outcome[]> {
  if (!s.sourceArn) {
    if (s.sendingAccount !== 'DEVELOPER') return [];
    return [
      fail(
        `EmailSendingAccount is DEVELOPER but there is no SourceArn: Cognito has no SES identity to send from.`,
        s.where,
      ),
    ];
  }
  const src = s.source;
  if (!src)
    return [
      fail(
        `SourceArn ${s.sourceArn} is not an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<address-or-domain>).`,
        s.where,
      ),
    ];
  const allowed = allowedSesRegions(s.poolRegion);
  const setup: string[] = [];
  if (s.account && src.account !== s.account)
    setup.push(
      `SourceArn is in account ${src.account}, but the pool is in ${s.account}: Cognito cannot use an SES identity of another account.`,
    );
  if (!allowed.includes(src.region))
    setup.push(
      `SourceArn is in ${src.region}, but a pool in ${s.poolRegion} can send only through SES in ${allowed.join(', ')}.`,
    );
  if (setup.length)
    return [
      fail(setup.join(' '), {
        ...s.where,
        poolRegion: s.poolRegion,
        allowedSesRegions: allowed,
        poolAccount: s.account ?? null,
      }),
    ];

  const region = src.region;
  const own = await ctx.ses.emailIdentity(region, src.identity);
  const ownVerified = own?.VerifiedForSendingStatus === true;
  const ownDkim = own?.DkimAttributes?.Status === 'SUCCESS' && own.DkimAttributes.SigningEnabled !== false;
  // An address identity is also covered by a verified (parent) domain identity: read those only when needed.
  const domains =
    src.kind === 'EMAIL_ADDRESS' && (!ownVerified || !ownDkim) ? coveringDomains(src.identity.split('@').pop()!) : [];
  const parents = await Promise.all(
    domains.map(async (d) => ({ name: d, identity: await ctx.ses.emailIdentity(region, d) })),
  );
  const verifiedParent = parents.find((p) => p.identity?.VerifiedForSendingStatus === true);
  const evidence: Evidence = {
    ...s.where,
    emailIdentity: src.identity,
    'GetEmailIdentity.IdentityType': own?.IdentityType ?? null,
    'GetEmailIdentity.VerifiedForSendingStatus': own ? (own.VerifiedForSendingStatus ?? null) : 'NotFoundException',
    'GetEmailIdentity.VerificationStatus': own?.VerificationStatus ?? null,
  };
  Object.assign(facts, evidence, { 'GetEmailIdentity.DkimAttributes.Status': own?.DkimAttributes?.Status ?? null });
  const out: Outcome[] = [];
  if (!ownVerified) out.push(unverified(ctx, s, own, verifiedParent?.name, evidence));
  else out.push(...dkim(ctx, s, own, parents.find((p) => p.identity)?.identity, evidence));
  if (own && s.sendingAccount === 'COGNITO_DEFAULT') out.push(...authorization(ctx, s, own));
  return out;
}

function unverified(
  ctx: Context,
  s: EmailSetup,
  own: Identity,
  verifiedDomain: string | undefined,
  evidence: Evidence,
): Outcome {
  const src = s.source!;
  const state = own
    ? `is not verified for sending (VerificationStatus ${own.VerificationStatus ?? 'unknown'})`
    : `does not exist in SES in ${src.region}`;
  if (verifiedDomain) {
    const domainArn = `arn:${src.partition}:ses:${src.region}:${src.account}:identity/${verifiedDomain}`;
    return fail(
      `SourceArn names the e-mail address identity ${src.identity}, which ${state}, while the domain identity ${verifiedDomain} is verified: Cognito checks the identity SourceArn names. Point SourceArn at the domain identity ${domainArn} (From stays ${src.identity}).`,
      { ...evidence, [`GetEmailIdentity[${verifiedDomain}].VerifiedForSendingStatus`]: true },
      remediation(
        `Set SourceArn=${domainArn} as a full-config update-user-pool or in your IaC.`,
        [],
        [docs.userPoolEmail],
      ),
    );
  }
  const commands = own
    ? src.kind === 'DOMAIN'
      ? [aws(ctx, ['sesv2', 'get-email-identity', '--email-identity', src.identity], src.region)]
      : []
    : [aws(ctx, ['sesv2', 'create-email-identity', '--email-identity', src.identity], src.region)];
  const how = own
    ? src.kind === 'DOMAIN'
      ? 'Publish the DKIM CNAME records (DkimAttributes.Tokens, shown by the command) in the domain’s DNS.'
      : 'Open the verification e-mail SES sent to the address (or delete and re-create the identity to resend it).'
    : 'Create and verify the identity in this Region, then confirm SourceArn names it.';
  return fail(
    `The SES identity ${src.identity} that SourceArn names ${state}: Cognito cannot send from it.`,
    evidence,
    remediation(`${how} ${FIX_TEXT}`, commands, [docs.userPoolEmail, docs.sesIdentities]),
  );
}

/** Strict receivers reject or spam-folder mail that is not DKIM-signed for the From domain. */
function dkim(ctx: Context, s: EmailSetup, own: Identity, parent: Identity, evidence: Evidence): Outcome[] {
  const src = s.source!;
  const ownOk = own?.DkimAttributes?.Status === 'SUCCESS' && own.DkimAttributes.SigningEnabled !== false;
  const parentOk = parent?.DkimAttributes?.Status === 'SUCCESS' && parent.DkimAttributes.SigningEnabled !== false;
  if (ownOk || parentOk) return [];
  const attrs = own?.DkimAttributes;
  const commands =
    attrs?.SigningEnabled === false && attrs.Status === 'SUCCESS'
      ? [
          aws(
            ctx,
            ['sesv2', 'put-email-identity-dkim-attributes', '--email-identity', src.identity, '--signing-enabled'],
            src.region,
          ),
        ]
      : [];
  return [
    {
      status: 'warn',
      code: 'email-auth-alignment',
      message: `The identity ${src.identity} is verified but its mail is not DKIM-signed for its own domain (DKIM Status ${attrs?.Status ?? 'none'}, signing ${attrs?.SigningEnabled === false ? 'disabled' : 'not set up'}): Gmail, Yahoo and receivers with DMARC p=reject may reject the code or file it as spam.`,
      evidence: {
        ...evidence,
        'GetEmailIdentity.DkimAttributes.Status': attrs?.Status ?? null,
        'GetEmailIdentity.DkimAttributes.SigningEnabled': attrs?.SigningEnabled ?? null,
      },
      remediation: remediation(
        `Set up Easy DKIM for the sending domain (verify the domain identity and publish its CNAME records), enable DKIM signing, and publish a DMARC record.`,
        commands,
        [docs.sesDkim],
      ),
    },
  ];
}

/** COGNITO_DEFAULT with a custom From: Cognito sends as email.cognito-idp.amazonaws.com and needs the identity's permission. */
function authorization(ctx: Context, s: EmailSetup, own: NonNullable<Identity>): Outcome[] {
  const src = s.source!;
  const request = { identityArn: s.sourceArn!, poolArn: s.poolArn, account: s.account ?? src.account };
  const verdict = cognitoSendingAuthorization(own.Policies, request);
  if (verdict.verdict === 'allowed') return [];
  const command = aws(
    ctx,
    [
      'sesv2',
      'create-email-identity-policy',
      '--email-identity',
      src.identity,
      '--policy-name',
      'cognito-idp-send',
      '--policy',
      cognitoSendingPolicy(request),
    ],
    src.region,
  );
  return [
    {
      status: verdict.verdict === 'unverifiable' ? 'warn' : 'fail',
      code: 'ses-authorization-missing',
      message: `With Cognito's default sender and a custom From, Cognito sends as email.cognito-idp.amazonaws.com on behalf of the pool and needs a sending-authorization policy on ${src.identity}: ${verdict.reason}.${verdict.verdict === 'unverifiable' ? ' Check that it allows this pool.' : ''}`,
      evidence: {
        ...s.where,
        emailIdentity: src.identity,
        [`${FIELD}.EmailSendingAccount`]: s.pool.EmailConfiguration?.EmailSendingAccount ?? null,
        'GetEmailIdentity.Policies': Object.keys(own.Policies ?? {}),
        ...(verdict.statement ? { policyStatement: `${verdict.policy} ${verdict.statement}` } : {}),
      },
      remediation: remediation(
        'Attach a sending-authorization policy that lets Cognito send from the identity for this pool (an existing policy of that name is replaced with put-email-identity-policy):',
        [command],
        [docs.userPoolEmail, docs.sesSendingAuthorization],
      ),
    },
  ];
}

function fail(message: string, evidence: Evidence, fix = remediation(FIX_TEXT, [], [docs.userPoolEmail])): Outcome {
  return { status: 'fail', code: CODE, message, evidence, remediation: fix };
}
