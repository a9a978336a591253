// The least-privilege IAM policies cognito-doctor ships, generated from the code itself so they cannot
// drift from what it calls: the checklist's reads and the fix registry's writes. `npm run generate`
// writes both files under iam/; tests fail while a committed file differs.

import type { Check } from './checks/types.js';
import { SECRET_HASH_READS } from './commands/secret-hash.js';
import { fixActions } from './fixes/registry.js';

export const DIAGNOSE_POLICY_PATH = 'iam/diagnose-policy.json';
export const FIX_POLICY_PATH = 'iam/fix-policy.json';

export interface ShippedPolicy {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/**
 * An identity policy allowing exactly these actions. `Resource: "*"`: the pools, functions, keys and
 * identities are the customer's and unknown in advance, and the SNS/SES actions have no resource scope.
 */
export function policyFor(sid: string, actions: readonly string[]): ShippedPolicy {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: sid, Effect: 'Allow', Action: [...new Set(actions)].sort(), Resource: '*' }],
  };
}

/** Every IAM action any check of any flow may read, and `secret-hash -p`'s reads, sorted and unique. */
export function diagnoseActions(checks: readonly Check[]): string[] {
  return [...new Set([...checks.flatMap((c) => c.reads), ...SECRET_HASH_READS])].sort();
}

/** The read-only policy for a diagnosis. */
export function diagnosePolicy(checks: readonly Check[]): ShippedPolicy {
  return policyFor('CognitoDoctorDiagnoseReadOnly', diagnoseActions(checks));
}

/** The writes --fix may make, on top of the diagnose policy. */
export function fixPolicy(): ShippedPolicy {
  return policyFor('CognitoDoctorFix', fixActions());
}

/** The file's exact text (formatted as Prettier formats JSON). */
export function policyText(policy: ShippedPolicy): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
