// `npm run demo`: the real CLI against the fake AWS endpoint, one user per problem, no AWS account needed.
// Starts the fake on loopback in this process, runs dist/cli.js (asynchronously, so the fake can answer)
// for each user of test/worlds/demo.json, then prints one line per user from `--output json`.
// `npm run demo -- --replay`: the same users answered from their recordings (demo/recordings/), with no
// endpoint and no credentials at all.

import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAws } from '../test/fake/server.js';
import { loadWorld } from '../test/fake/world.js';
import { testEnv } from '../test/helpers/env.js';
import { DEMO_CASES, demoArgs, type DemoCase } from './demo-cases.js';
import { DEMO_RECORDINGS_DIR, demoRecording } from './demo-recordings.js';

// build/demo.mjs or scripts/demo.ts: the repository is one level up either way.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli.js');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
const READ = /^(Describe|Get|List|Check|Lookup|Filter|AdminGet|AdminList)/;
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI; with `echo`, its output goes straight to ours as it comes. */
function cli(args: string[], env: Record<string, string>, echo: boolean): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (echo) process.stdout.write(d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (echo) process.stderr.write(d);
    });
    child.on('error', fail);
    child.on('close', (code) => {
      done({ code, stdout, stderr });
    });
  });
}

function summaryLine(c: DemoCase, r: Result, width: number): { line: string; ok: boolean } {
  const who = c.args[0]!.padEnd(width);
  try {
    const report = JSON.parse(r.stdout) as {
      verdict: { status: string; channel: string };
      findings: { status: string; code?: string }[];
    };
    const codes = report.findings
      .filter((f) => ['warn', 'fail', 'error'].includes(f.status))
      .map((f) => `${f.code}(${f.status})`);
    const ok = report.verdict.status === c.status && (!c.code || report.findings.some((f) => f.code === c.code));
    const verdict = `${report.verdict.status} ${report.verdict.channel}`.padEnd(19);
    return { line: `${who}  ${verdict} exit ${r.code}  ${codes.join(' ') || '—'}`, ok };
  } catch {
    return { line: `${who}  no JSON report (exit ${r.code}): ${r.stderr.trim()}`, ok: false };
  }
}

async function main(): Promise<number> {
  if (!existsSync(CLI)) {
    process.stderr.write('demo: dist/cli.js is missing; run `npm run build` first (npm run demo does).\n');
    return 1;
  }
  const replay = process.argv.includes('--replay');
  const fake = replay ? undefined : await startFakeAws(loadWorld(join(ROOT, 'test/worlds/demo.json')));
  const env = testEnv(fake?.url, color ? { FORCE_COLOR: '1' } : {});
  if (color) delete env.NO_COLOR;
  if (replay) {
    // No credentials either: a replay never looks for them.
    delete env.AWS_ACCESS_KEY_ID;
    delete env.AWS_SECRET_ACCESS_KEY;
  }
  const argsOf = (c: DemoCase) =>
    replay ? [...demoArgs(c), '--replay', demoRecording(join(ROOT, DEMO_RECORDINGS_DIR), c)] : demoArgs(c);
  try {
    const where = fake
      ? `a fake AWS account on ${fake.url} (no real AWS)`
      : `recordings of a fake AWS account (${DEMO_RECORDINGS_DIR}: no endpoint, no credentials)`;
    process.stdout.write(
      `${bold('cognito-doctor demo')}: ${where}, ${DEMO_CASES.length} users, each with a different reason a code never arrived: ForgotPassword, then a sign-up code, a verification code and an invitation.\n`,
    );
    for (const [i, c] of DEMO_CASES.entries()) {
      process.stdout.write(`\n${bold(`━━ ${i + 1}/${DEMO_CASES.length}  ${c.args[0]}`)}: ${c.shows}\n`);
      process.stdout.write(`${dim(`$ cognito-doctor ${demoArgs(c).join(' ')}${replay ? ' --replay …' : ''}`)}\n\n`);
      await cli(argsOf(c), env, true);
    }

    process.stdout.write(`\n${bold('The same users with --output json')} (verdict, channel, exit code, findings):\n`);
    const plain: Record<string, string> = { ...env, NO_COLOR: '1' };
    delete plain.FORCE_COLOR;
    const results: Result[] = [];
    // Two at a time: the machine may have two cores.
    for (let i = 0; i < DEMO_CASES.length; i += 2) {
      const batch = DEMO_CASES.slice(i, i + 2).map((c) => cli([...argsOf(c), '--json'], plain, false));
      results.push(...(await Promise.all(batch)));
    }
    const width = Math.max(...DEMO_CASES.map((c) => c.args[0]!.length));
    let allOk = true;
    for (const [i, c] of DEMO_CASES.entries()) {
      const { line, ok } = summaryLine(c, results[i]!, width);
      allOk &&= ok;
      process.stdout.write(`  ${line}${ok ? '' : '   ← not what the demo expects'}\n`);
    }
    if (fake) {
      const writes = fake.requests.filter((r) => !READ.test(r.operation)).length;
      process.stdout.write(
        `\n${fake.requests.length} requests to the fake endpoint, ${writes ? `${writes} of them writes` : 'all reads'}. Next: node dist/cli.js --help\n`,
      );
    } else
      process.stdout.write(
        `\nNo request left this machine: every answer came from ${DEMO_RECORDINGS_DIR}. Next: node dist/cli.js --help\n`,
      );
    return allOk ? 0 : 1;
  } finally {
    await fake?.close();
    rmSync(env.HOME!, { recursive: true, force: true });
  }
}

process.exitCode = await main();
