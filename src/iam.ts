import type { IamAction } from './aws/services.js';

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/**
 * A least-privilege identity policy allowing exactly these actions. `Resource` is `*`: the SNS and
 * SES actions involved support no resource-level permissions, and the tool works on any pool.
 */
export function policyFor(sid: string, actions: readonly IamAction[]): IamPolicy {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: sid, Effect: 'Allow', Action: [...new Set(actions)].sort(), Resource: '*' }],
  };
}

/** The file text of a policy, as committed under iam/. */
export function policyText(policy: IamPolicy): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
