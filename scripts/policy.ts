// Writes iam/diagnose-policy.json and iam/fix-policy.json: `npm run policy` (bundled by scripts/build.mjs).
import { writeFileSync } from 'node:fs';
import { checks } from '../src/checks/index.js';
import {
  DIAGNOSE_POLICY_PATH,
  diagnosePolicy,
  FIX_POLICY_PATH,
  fixPolicy,
  policyText,
} from '../src/shipped-policies.js';

for (const [path, policy] of [
  [DIAGNOSE_POLICY_PATH, diagnosePolicy(checks)],
  [FIX_POLICY_PATH, fixPolicy()],
] as const) {
  writeFileSync(path, policyText(policy));
  process.stdout.write(`${path}: ${policy.Statement[0]!.Action.length} actions\n`);
}
