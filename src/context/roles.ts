import type { Role } from '@aws-sdk/client-iam';
import type { AwsCaller } from '../aws/caller.js';
import { orUndefinedIfNotFound } from '../aws/errors.js';
import { allPages } from '../aws/pages.js';

/** IAM is global: its API is signed for us-east-1 whatever the pool's Region. */
const IAM_REGION = 'us-east-1';

/** A JSON policy document; IAM returns them URL-encoded on the wire and the SDK does not decode them. */
export type PolicyDocument = { Statement?: unknown } & Record<string, unknown>;

export function decodePolicy(encoded: string | undefined): PolicyDocument | undefined {
  if (!encoded) return undefined;
  try {
    return JSON.parse(decodeURIComponent(encoded)) as PolicyDocument;
  } catch {
    try {
      return JSON.parse(encoded) as PolicyDocument;
    } catch {
      return undefined;
    }
  }
}

/** `arn:aws:iam::123:role/path/name` → `name`. */
export function roleNameOf(arn: string): string | undefined {
  const resource = arn.split(':')[5];
  if (!resource?.startsWith('role/')) return undefined;
  return resource.split('/').pop() || undefined;
}

export interface NamedPolicy {
  /** `inline:<name>` or the managed policy's ARN. */
  source: string;
  document: PolicyDocument | undefined;
}

/** IAM role reads: trust policy and permission policies of the role Cognito assumes to send SMS. */
export class RoleFacts {
  constructor(private readonly aws: AwsCaller) {}

  /** The role, or undefined when it does not exist (NoSuchEntity). */
  async role(roleName: string): Promise<Role | undefined> {
    const out = await orUndefinedIfNotFound(
      this.aws.call('iam:GetRole', IAM_REGION, (m) => m.GetRoleCommand, { RoleName: roleName }),
    );
    return out?.Role;
  }

  /** Every inline policy of the role, decoded (ListRolePolicies, then GetRolePolicy each, concurrently). */
  async inlinePolicies(roleName: string): Promise<NamedPolicy[]> {
    const names = await allPages('iam:ListRolePolicies', IAM_REGION, async (marker) => {
      const page = await this.aws.call('iam:ListRolePolicies', IAM_REGION, (m) => m.ListRolePoliciesCommand, {
        RoleName: roleName,
        ...(marker ? { Marker: marker } : {}),
      });
      return { items: page.PolicyNames ?? [], next: page.IsTruncated ? page.Marker : undefined };
    });
    return Promise.all(
      names.map(async (name) => {
        const out = await this.aws.call('iam:GetRolePolicy', IAM_REGION, (m) => m.GetRolePolicyCommand, {
          RoleName: roleName,
          PolicyName: name,
        });
        return { source: `inline:${name}`, document: decodePolicy(out.PolicyDocument) };
      }),
    );
  }

  /** The ARNs of the managed policies attached to the role. */
  async attachedPolicyArns(roleName: string): Promise<string[]> {
    return allPages('iam:ListAttachedRolePolicies', IAM_REGION, async (marker) => {
      const page = await this.aws.call(
        'iam:ListAttachedRolePolicies',
        IAM_REGION,
        (m) => m.ListAttachedRolePoliciesCommand,
        { RoleName: roleName, ...(marker ? { Marker: marker } : {}) },
      );
      const items = (page.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn ? [p.PolicyArn] : []));
      return { items, next: page.IsTruncated ? page.Marker : undefined };
    });
  }

  /** The default version of a managed policy, decoded (GetPolicy, then GetPolicyVersion). */
  async managedPolicy(policyArn: string): Promise<NamedPolicy> {
    const { Policy } = await this.aws.call('iam:GetPolicy', IAM_REGION, (m) => m.GetPolicyCommand, {
      PolicyArn: policyArn,
    });
    if (!Policy?.DefaultVersionId) return { source: policyArn, document: undefined };
    const { PolicyVersion } = await this.aws.call(
      'iam:GetPolicyVersion',
      IAM_REGION,
      (m) => m.GetPolicyVersionCommand,
      {
        PolicyArn: policyArn,
        VersionId: Policy.DefaultVersionId,
      },
    );
    return { source: policyArn, document: decodePolicy(PolicyVersion?.Document) };
  }
}
