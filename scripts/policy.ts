// Writes iam/diagnose-policy.json from the checklist: `npm run policy` (bundled by scripts/build.mjs).
import { writeFileSync } from 'node:fs';
import { checks } from '../src/checks/index.js';
import { DIAGNOSE_POLICY_PATH, diagnosePolicy, policyText } from '../src/iam/policy.js';

const policy = diagnosePolicy(checks);
writeFileSync(DIAGNOSE_POLICY_PATH, policyText(policy));
process.stdout.write(`${DIAGNOSE_POLICY_PATH}: ${policy.Statement[0]!.Action.length} actions\n`);
