import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Outcome } from '../types.js';
import type { Context } from '../../context/index.js';
import { decodePolicy, roleNameOf } from '../../context/roles.js';
import { evaluatePermission, evaluateTrust } from '../../domain/role-policy.js';
import type { SmsRoute } from './route.js';

const COGNITO = 'cognito-idp.amazonaws.com';

/** `sms-role-trust-or-policy`: Cognito can assume the SMS role, and the role may send. */
export async function roleOutcomes(ctx: Context, route: SmsRoute): Promise<Outcome[]> {
  const roleName = roleNameOf(route.roleArn);
  const accountId = route.pool.Arn?.split(':')[4];
  // A role in another account cannot be read with this account's credentials; nothing to prove here.
  if (!roleName || (accountId && route.roleArn.split(':')[4] !== accountId)) return [];
  const action = route.kind === 'sns' ? 'sns:Publish' : 'sms-voice:SendTextMessage';
  const resource = route.originationIdentity?.startsWith('arn:') ? route.originationIdentity : '*';
  const [role, inline, attached] = await Promise.all([
    ctx.roles.role(roleName),
    ctx.roles.inlinePolicies(roleName).catch(notFoundAsEmpty),
    ctx.roles.attachedPolicyArns(roleName).catch(notFoundAsEmpty),
  ]);
  const failure = route.pool.SmsConfigurationFailure;
  const field = route.kind === 'sns' ? 'SnsCallerArn' : 'EumsSms.CallerArn';
  const evidence = {
    ...route.evidence,
    [`DescribeUserPool.UserPool.SmsConfiguration.${field}`]: route.roleArn,
    ...(failure ? { 'DescribeUserPool.UserPool.SmsConfigurationFailure': failure } : {}),
  };
  if (!role) {
    return [
      {
        status: 'fail',
        code: 'sms-role-trust-or-policy',
        message: `The SMS role ${route.roleArn} does not exist: Cognito cannot assume it, so no SMS is sent.`,
        evidence: { ...evidence, 'GetRole.Role': null },
        remediation: remediation(
          `Create the role with a trust policy for ${COGNITO} and ${action} permission, or point the pool at an existing one (full-config update-user-pool).`,
          [createRoleCommand(ctx, roleName, route)],
          [docs.smsSettings],
        ),
      },
    ];
  }
  const managed = await Promise.all(attached.map((arn) => ctx.roles.managedPolicy(arn)));
  const trustDocument = decodePolicy(role.AssumeRolePolicyDocument);
  const trust = evaluateTrust(trustDocument, {
    service: COGNITO,
    ...(route.externalId ? { externalId: route.externalId } : {}),
    ...(accountId ? { accountId } : {}),
    ...(route.pool.Arn ? { poolArn: route.pool.Arn } : {}),
  });
  const permission = evaluatePermission([...inline, ...managed], action, resource);
  const outcomes: Outcome[] = [];
  if (!trust.ok) {
    outcomes.push({
      status: 'fail',
      code: 'sms-role-trust-or-policy',
      message: `Cognito cannot assume the SMS role ${roleName}: its trust policy ${trust.problem}. Cognito reports "Role does not have a trust relationship allowing Cognito to assume the role" and sends no SMS.`,
      evidence: {
        ...evidence,
        'GetRole.Role.AssumeRolePolicyDocument': trustDocument ?? role.AssumeRolePolicyDocument ?? null,
      },
      remediation: remediation(
        `Replace the role's trust policy with one that lets ${COGNITO} assume it${route.externalId ? ` with the pool's ExternalId` : ''} (this replaces every statement of the current trust policy):`,
        [
          aws(ctx, [
            'iam',
            'update-assume-role-policy',
            '--role-name',
            roleName,
            '--policy-document',
            trustPolicy(route, accountId),
          ]),
        ],
        [docs.smsSettings],
      ),
    });
  }
  if (!permission.allowed) {
    outcomes.push({
      status: 'fail',
      code: 'sms-role-trust-or-policy',
      message: permission.deniedBy
        ? `The SMS role ${roleName} explicitly denies ${action} (${permission.deniedBy}): Cognito reports "Role does not have permission to publish" and sends no SMS.`
        : `No policy of the SMS role ${roleName} allows ${action} on ${resource}: Cognito reports "Role does not have permission to publish" and sends no SMS.`,
      evidence: {
        ...evidence,
        'ListRolePolicies.PolicyNames': inline.map((p) => p.source.replace(/^inline:/, '')),
        'ListAttachedRolePolicies.AttachedPolicies[].PolicyArn': attached,
        requiredAction: action,
        ...(permission.deniedBy ? { deniedBy: permission.deniedBy } : {}),
      },
      remediation: remediation(
        permission.deniedBy
          ? `Remove the Deny of ${action} from ${permission.deniedBy}, or allow it with:`
          : `Give the role permission to send:`,
        [
          aws(ctx, [
            'iam',
            'put-role-policy',
            '--role-name',
            roleName,
            '--policy-name',
            'cognito-sms-send',
            '--policy-document',
            JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
            }),
          ]),
        ],
        [docs.smsSettings],
      ),
    });
  }
  return outcomes;
}

function notFoundAsEmpty(err: unknown): never[] {
  if ((err as { kind?: string }).kind === 'not-found') return [];
  throw err;
}

function trustPolicy(route: SmsRoute, accountId: string | undefined): string {
  const condition: Record<string, string> = {};
  if (route.externalId) condition['sts:ExternalId'] = route.externalId;
  if (accountId) condition['aws:SourceAccount'] = accountId;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: COGNITO },
        Action: 'sts:AssumeRole',
        ...(Object.keys(condition).length ? { Condition: { StringEquals: condition } } : {}),
      },
    ],
  });
}

function createRoleCommand(ctx: Context, roleName: string, route: SmsRoute): string {
  const accountId = route.pool.Arn?.split(':')[4];
  return aws(ctx, [
    'iam',
    'create-role',
    '--role-name',
    roleName,
    '--assume-role-policy-document',
    trustPolicy(route, accountId),
  ]);
}
