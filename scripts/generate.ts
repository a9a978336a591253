// Writes the files generated from the code: the shipped IAM policies, docs/checks.md and the demo's
// recordings. `npm run generate` (bundled by scripts/build.mjs, after the build: the recordings are made
// by dist/cli.js against the demo world); tests fail while a committed file differs.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAws } from '../test/fake/server.js';
import { loadWorld } from '../test/fake/world.js';
import { testEnv } from '../test/helpers/env.js';
import { DEMO_CASES } from './demo-cases.js';
import { DEMO_RECORDINGS_DIR, recordArgs } from './demo-recordings.js';
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

// The demo's recordings: each user against a fresh demo world, as test/e2e/demo.test.ts runs them.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(ROOT, DEMO_RECORDINGS_DIR), { recursive: true, force: true });
mkdirSync(join(ROOT, DEMO_RECORDINGS_DIR), { recursive: true });
for (const c of DEMO_CASES) {
  const fake = await startFakeAws(loadWorld(join(ROOT, 'test/worlds/demo.json')));
  const env = testEnv(fake.url);
  try {
    // Asynchronously: the fake answers from this process.
    await new Promise<void>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), ...recordArgs(c, DEMO_RECORDINGS_DIR)], {
        cwd: ROOT,
        env,
        stdio: 'ignore',
      });
      child.on('close', () => {
        done();
      });
    });
  } finally {
    await fake.close();
    rmSync(env.HOME!, { recursive: true, force: true });
  }
}
process.stdout.write(`${DEMO_RECORDINGS_DIR}: ${DEMO_CASES.length} recordings\n`);
