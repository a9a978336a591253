// IAM (awsQuery, Version=2010-05-08): the reads that prove an SMS role's trust and permissions. IAM is
// global (requests are signed for us-east-1). Policy documents go on the wire URL-encoded, as AWS sends
// them. World: `iam.roles[<name>] = { trust, inline: {<name>: document}, attached: [<arn>] }` and
// `iam.policies[<arn>] = { document, versionId? }`.

import { AwsFault } from '../protocols.js';
import type { FakeRequest, ServiceDef } from '../service.js';
import { worldDate } from '../world.js';

export interface IamRoleWorld {
  path?: string;
  trust: unknown;
  inline?: Record<string, unknown>;
  attached?: string[];
}

export interface IamWorld {
  roles?: Record<string, IamRoleWorld>;
  policies?: Record<string, { document: unknown; versionId?: string }>;
}

const iamState = (req: FakeRequest) => (req.world.iam ?? {}) as IamWorld;
const encode = (document: unknown) => encodeURIComponent(JSON.stringify(document));

function noSuchEntity(message: string): AwsFault {
  return new AwsFault('NoSuchEntityException', message, 404, 'NoSuchEntity');
}

function requireRole(req: FakeRequest, name: string | undefined): [string, IamRoleWorld] {
  const role = name ? iamState(req).roles?.[name] : undefined;
  if (!name || !role) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return [name, role];
}

function requirePolicy(req: FakeRequest, policyArn: string | undefined) {
  const policy = policyArn ? iamState(req).policies?.[policyArn] : undefined;
  if (!policyArn || !policy) throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
  return policy;
}

const nameOfArn = (policyArn: string) => policyArn.split('/').pop() ?? policyArn;

export const iam: ServiceDef = {
  name: 'iam',
  protocol: 'query',
  queryVersion: '2010-05-08',
  xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/',
  operations: {
    GetRole(input: { RoleName?: string }, req) {
      const [name, role] = requireRole(req, input.RoleName);
      const path = role.path ?? '/';
      return {
        Role: {
          Path: path,
          RoleName: name,
          RoleId: `AROA${Buffer.from(name).toString('hex').toUpperCase().slice(0, 17).padEnd(17, '0')}`,
          Arn: `arn:aws:iam::${req.account}:role${path}${name}`,
          CreateDate: worldDate('now-200d', req.now),
          AssumeRolePolicyDocument: encode(role.trust),
          MaxSessionDuration: 3600,
        },
      };
    },
    ListRolePolicies(input: { RoleName?: string }, req) {
      const [, role] = requireRole(req, input.RoleName);
      return { PolicyNames: Object.keys(role.inline ?? {}), IsTruncated: false };
    },
    GetRolePolicy(input: { RoleName?: string; PolicyName?: string }, req) {
      const [name, role] = requireRole(req, input.RoleName);
      const document = input.PolicyName ? role.inline?.[input.PolicyName] : undefined;
      if (!document) throw noSuchEntity(`The role policy with name ${input.PolicyName} cannot be found.`);
      return { RoleName: name, PolicyName: input.PolicyName, PolicyDocument: encode(document) };
    },
    ListAttachedRolePolicies(input: { RoleName?: string }, req) {
      const [, role] = requireRole(req, input.RoleName);
      return {
        AttachedPolicies: (role.attached ?? []).map((PolicyArn) => ({ PolicyName: nameOfArn(PolicyArn), PolicyArn })),
        IsTruncated: false,
      };
    },
    GetPolicy(input: { PolicyArn?: string }, req) {
      const policy = requirePolicy(req, input.PolicyArn);
      return {
        Policy: {
          PolicyName: nameOfArn(input.PolicyArn!),
          PolicyId: 'ANPA0000000000000000',
          Arn: input.PolicyArn,
          Path: '/',
          DefaultVersionId: policy.versionId ?? 'v1',
          AttachmentCount: 1,
          IsAttachable: true,
          CreateDate: worldDate('now-300d', req.now),
          UpdateDate: worldDate('now-100d', req.now),
        },
      };
    },
    GetPolicyVersion(input: { PolicyArn?: string; VersionId?: string }, req) {
      const policy = requirePolicy(req, input.PolicyArn);
      if (input.VersionId !== (policy.versionId ?? 'v1')) {
        throw noSuchEntity(`Policy ${input.PolicyArn} version ${input.VersionId} does not exist.`);
      }
      return {
        PolicyVersion: {
          Document: encode(policy.document),
          VersionId: input.VersionId,
          IsDefaultVersion: true,
          CreateDate: worldDate('now-100d', req.now),
        },
      };
    },
  },
};
