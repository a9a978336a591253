// Writes the files generated from the code: the shipped IAM policies and docs/checks.md.
// `npm run generate` (bundled by scripts/build.mjs); tests fail while a committed file differs.
import { writeFileSync } from 'node:fs';
import { allChecks, checklists } from '../src/checks/index.js';
import { CHECKS_DOC_PATH, checksDoc } from '../src/render/checks.js';
import {
  DIAGNOSE_POLICY_PATH,
  diagnosePolicy,
  FIX_POLICY_PATH,
  fixPolicy,
  policyText,
} from '../src/shipped-policies.js';

for (const [path, policy] of [
  [DIAGNOSE_POLICY_PATH, diagnosePolicy(allChecks)],
  [FIX_POLICY_PATH, fixPolicy()],
] as const) {
  writeFileSync(path, policyText(policy));
  process.stdout.write(`${path}: ${policy.Statement[0]!.Action.length} actions\n`);
}
writeFileSync(CHECKS_DOC_PATH, checksDoc(checklists));
process.stdout.write(`${CHECKS_DOC_PATH}: ${allChecks.length} checks\n`);
