import { AwsCallError } from '../aws/errors.js';
import type { Finding } from '../checks/types.js';
import type { Style } from '../render/style.js';
import { fixRecord } from './plan.js';
import { NotApplied } from './registry.js';
import type { ApplyContext, FixRecord, FixStep, Operator } from './types.js';

export interface ApplyIo {
  /** Where the steps, questions and outcomes go: stderr, never the report. */
  out: { write(text: string): unknown };
  style: Style;
}

/**
 * Apply the plan in order, asking the operator before each step. A declined step is recorded and
 * the next one asked; the first failure stops the run (later steps are recorded as skipped), since
 * later steps may rest on it.
 */
export async function applyFixes(steps: readonly FixStep[], run: ApplyContext, io: ApplyIo): Promise<FixRecord[]> {
  const s = io.style;
  const records: FixRecord[] = [];
  let failed = false;
  for (const [i, step] of steps.entries()) {
    if (failed) {
      records.push(fixRecord(step, 'skipped', 'Not attempted: an earlier step failed.'));
      continue;
    }
    io.out.write(`\n${s.bold(`[${i + 1}/${steps.length}]`)} ${describe(step, s)}`);
    const chosen = await choose(step, run.operator, io);
    if (chosen.step === undefined) {
      records.push(fixRecord(step, chosen.status, chosen.message));
      continue;
    }
    try {
      await chosen.step.apply(run);
      io.out.write(`      ${s.green('✔ applied')}\n`);
      records.push(fixRecord(chosen.step, 'applied'));
    } catch (err) {
      if (err instanceof NotApplied) {
        io.out.write(`      ${s.yellow(`not applied: ${err.message}`)}\n`);
        records.push(fixRecord(chosen.step, 'declined', `Not applied: ${err.message}.`));
        continue;
      }
      const message = failure(err);
      io.out.write(`      ${s.red(`✖ failed: ${message}`)}\n`);
      records.push(fixRecord(chosen.step, 'failed', message));
      failed = true;
    }
  }
  return records;
}

type Choice = { step: FixStep } | { step: undefined; status: 'declined' | 'skipped'; message: string };

async function choose(step: FixStep, operator: Operator, io: ApplyIo): Promise<Choice> {
  if (step.interactiveOnly && !operator.interactive) {
    io.out.write(`      ${io.style.yellow('skipped: it needs a password typed at a terminal (run without --yes)')}\n`);
    return {
      step: undefined,
      status: 'skipped',
      message: 'Needs a password typed at a terminal: run --fix without --yes.',
    };
  }
  if (await operator.confirm('      Apply this step?')) return { step };
  if (step.alternative && operator.interactive) {
    io.out.write(`      ${io.style.bold('Or instead:')} ${describe(step.alternative, io.style)}`);
    if (await operator.confirm('      Apply this instead?')) return { step: step.alternative };
  }
  return { step: undefined, status: 'declined', message: 'Declined by the operator.' };
}

function describe(step: FixStep, s: Style): string {
  const lines = [`${step.summary} ${s.dim(`(${step.code})`)}`, `      ${s.bold(`$ ${step.command}`)}`];
  if (step.caution) lines.push(`      ${s.yellow(`! ${step.caution}`)}`);
  return `${lines.join('\n')}\n`;
}

function failure(err: unknown): string {
  if (err instanceof AwsCallError) {
    const hint =
      err.kind === 'access-denied' ? ` Grant ${err.action} (iam/fix-policy.json has every action --fix needs).` : '';
    return `${err.action} in ${err.region} failed with ${err.awsCode}: ${err.message}${hint}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * After the re-run: an applied step whose cause is still reported says why (the user must still
 * act, or AWS is slow to reflect the change), so "applied" never reads as "solved" when it is not.
 */
export function explainRemaining(
  records: readonly FixRecord[],
  steps: readonly FixStep[],
  findings: readonly Finding[],
): FixRecord[] {
  return records.map((r) => {
    if (r.status !== 'applied') return r;
    const still = findings.some((f) => f.code === r.code && (f.status === 'fail' || f.status === 'warn'));
    if (!still) return r;
    const step = [...steps, ...steps.flatMap((x) => (x.alternative ? [x.alternative] : []))].find(
      (x) => x.command === r.command,
    );
    return {
      ...r,
      message: `Applied; the re-run still reports ${r.code}.${step?.afterwards ? ` ${step.afterwards}` : ''}`,
    };
  });
}

/** `--yes`: every step is confirmed, and the log says so. */
export function autoConfirm(out: { write(text: string): unknown }): Operator {
  return {
    interactive: false,
    async confirm(question) {
      out.write(`${question} yes (auto-confirmed)\n`);
      return true;
    },
    async secret() {
      throw new NotApplied('no terminal to type a password at');
    },
  };
}
