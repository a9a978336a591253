import { AwsCallError } from '../aws/errors.js';
import { plain } from '../domain/text.js';
import type { Finding } from '../checks/types.js';
import type { Style } from '../render/style.js';
import { fixRecord } from './plan.js';
import { NotApplied } from './registry.js';
import { placeholdersOf, repeatable, sdkInput } from '../remedy/write-request.js';
import type { ApplyContext, FixRecord, FixStep, Operator } from './types.js';

export interface ApplyIo {
  /** Where the steps, questions and outcomes go: stderr, never the report. */
  out: { write(text: string): unknown };
  style: Style;
}

/**
 * Apply the plan in order, asking the operator before each step. A declined or refused step is
 * recorded and the next one asked; the first failure, or a write whose reply was lost, stops the
 * run (later steps are recorded as skipped), since later steps may rest on it.
 */
export async function applyFixes(steps: readonly FixStep[], run: ApplyContext, io: ApplyIo): Promise<FixRecord[]> {
  const s = io.style;
  const records: FixRecord[] = [];
  let stopped = false;
  for (const [i, step] of steps.entries()) {
    if (stopped || run.interrupt?.aborted) {
      const why = stopped
        ? 'an earlier step failed or its outcome is unknown'
        : `the run was interrupted (${String(run.interrupt!.reason)})`;
      records.push(fixRecord(step, 'skipped', `Not attempted: ${why}.`));
      continue;
    }
    io.out.write(`\n${s.bold(`[${i + 1}/${steps.length}]`)} ${describe(step, s)}`);
    if (step.refused) io.out.write(`      ${s.red(plain(step.refused))}\n`);
    const chosen = step.refused ? await instead(step, run.operator, io) : await choose(step, run.operator, io);
    if (chosen.step === undefined) {
      records.push(fixRecord(step, chosen.status, chosen.message));
      continue;
    }
    try {
      await send(chosen.step, run);
      io.out.write(`      ${s.green('✔ applied')}\n`);
      records.push(fixRecord(chosen.step, 'applied'));
    } catch (err) {
      if (err instanceof NotApplied) {
        io.out.write(`      ${s.yellow(`not applied: ${plain(err.message)}`)}\n`);
        records.push(fixRecord(chosen.step, 'declined', `Not applied: ${err.message}.`));
        continue;
      }
      const lost = replyLost(err);
      const message = lost ? unknownOutcome(chosen.step, err as AwsCallError) : failure(err);
      io.out.write(`      ${s.red(`✖ ${lost ? 'outcome unknown' : 'failed'}: ${plain(message)}`)}\n`);
      records.push(fixRecord(chosen.step, lost ? 'unknown' : 'failed', message));
      stopped = true;
    }
  }
  return records;
}

/** Ask for each value the command leaves to the operator (a password: twice, never shown), then send. */
async function send(step: FixStep, run: ApplyContext): Promise<void> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(placeholdersOf(step.request))) {
    const value = await run.operator.secret(`${name} (not shown): `);
    if (!value) throw new NotApplied(`no ${name} was typed`);
    if ((await run.operator.secret('Type it again: ')) !== value) throw new NotApplied(`the two ${name} differ`);
    values[name] = value;
  }
  const { action, region } = step.request;
  await run.aws.write(action, region, sdkInput(step.request, values), { once: !repeatable(action) });
}

/** The request may have reached AWS: no reply (a dropped connection, a timeout) or a server error. */
function replyLost(err: unknown): boolean {
  return (
    err instanceof AwsCallError &&
    (err.kind === 'network' || /^(InternalError|InternalFailure|ServiceUnavailable)/.test(err.awsCode))
  );
}

function unknownOutcome(step: FixStep, err: AwsCallError): string {
  const again = repeatable(step.request.action)
    ? ''
    : ` It was not sent again: ${step.request.action} is not safe to repeat.`;
  return `${err.action} was sent but no answer came back (${err.awsCode}): whether it took effect is unknown. The re-check below shows the state.${again}`;
}

type Choice = { step: FixStep } | { step: undefined; status: 'declined' | 'skipped' | 'refused'; message: string };

const EXPLICIT_SKIP =
  "Needs its own confirmation at a terminal: it overrides the number owner's STOP and can be done once in 30 days, so --yes does not confirm it. Run --fix without --yes at a terminal, or run the command yourself with the owner's consent.";

async function choose(step: FixStep, operator: Operator, io: ApplyIo): Promise<Choice> {
  if (step.needs && !operator.interactive) {
    const why =
      step.needs === 'secret' ? 'Needs a password typed at a terminal: run --fix without --yes.' : EXPLICIT_SKIP;
    io.out.write(`      ${io.style.yellow(`skipped: ${why}`)}\n`);
    return { step: undefined, status: 'skipped', message: why };
  }
  const question =
    step.needs === 'explicit'
      ? "      Override the owner's STOP and opt this number back in (once in 30 days)?"
      : '      Apply this step?';
  if (await operator.confirm(question)) return { step };
  if (await offerAlternative(step, operator, io)) return { step: step.alternative! };
  return { step: undefined, status: 'declined', message: 'Declined by the operator.' };
}

/** A refused step is never sent; its alternative (a password typed at a terminal) may still be. */
async function instead(step: FixStep, operator: Operator, io: ApplyIo): Promise<Choice> {
  if (await offerAlternative(step, operator, io)) return { step: step.alternative! };
  return { step: undefined, status: 'refused', message: step.refused! };
}

async function offerAlternative(step: FixStep, operator: Operator, io: ApplyIo): Promise<boolean> {
  if (!step.alternative || !operator.interactive) return false;
  io.out.write(`      ${io.style.bold('Or instead:')} ${describe(step.alternative, io.style)}`);
  return operator.confirm('      Apply this instead?');
}

/** A step on the terminal: its text may quote values from AWS, so it is shown plain. */
function describe(step: FixStep, s: Style): string {
  const lines = [`${plain(step.summary)} ${s.dim(`(${step.code})`)}`, `      ${s.bold(`$ ${plain(step.command)}`)}`];
  for (const [name, means] of Object.entries(placeholdersOf(step.request))) {
    lines.push(`      ${s.dim(`${name}: ${means} (typed at the prompt here, never shown)`)}`);
  }
  if (step.caution) lines.push(`      ${s.yellow(`! ${plain(step.caution)}`)}`);
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
    if (r.status !== 'applied' && r.status !== 'unknown') return r;
    const still = findings.some((f) => f.code === r.code && (f.status === 'fail' || f.status === 'warn'));
    if (r.status === 'unknown') {
      const state = still
        ? `the re-check still reports ${r.code}: it did not take effect (or not yet)`
        : `the re-check no longer reports ${r.code}: it took effect`;
      return { ...r, message: `${r.message ?? ''} After it, ${state}.`.trim() };
    }
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
