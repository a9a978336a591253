// The least-privilege IAM policies cognito-doctor ships, generated from the checklist itself so the
// policy cannot drift from what the checks read (`npm run policy` writes iam/; a test compares).

import type { Check } from '../checks/types.js';

export const DIAGNOSE_POLICY_PATH = 'iam/diagnose-policy.json';

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/** Every IAM action any check may read, sorted and unique. */
export function diagnoseActions(checks: readonly Check[]): string[] {
  return [...new Set(checks.flatMap((c) => c.reads))].sort();
}

/**
 * The read-only policy for a diagnosis. `Resource: "*"`: the pools, functions, keys and identities
 * are the customer's and unknown in advance, and these Describe/Get/List actions change nothing.
 */
export function diagnosePolicy(checks: readonly Check[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'CognitoDoctorDiagnoseReadOnly', Effect: 'Allow', Action: diagnoseActions(checks), Resource: '*' },
    ],
  };
}

/** The file's exact text (formatted as Prettier formats JSON). */
export function policyText(policy: PolicyDocument): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
