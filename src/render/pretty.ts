import type { Finding, Status } from '../checks/types.js';
import { sentAny, type FixRecord, type FixStatus } from '../fixes/types.js';
import type { Report, VerdictStatus } from '../report.js';
import { commandBlocks } from './commands.js';
import type { Style } from './style.js';

export interface PrettyOptions {
  style: Style;
  /** Only the verdict. */
  quiet: boolean;
  /** Evidence of passing checks too, and the console links of the findings. */
  verbose: boolean;
  /** How many steps --fix could apply (a hint in plain runs); 0 for none. */
  fixable?: number;
}

export const MARK: Record<Status, string> = { pass: '✔', info: 'i', warn: '⚠', fail: '✖', skip: '○', error: '!' };

export function paint(style: Style, status: Status | VerdictStatus): Style {
  switch (status) {
    case 'pass':
    case 'deliverable':
      return style.green;
    case 'fail':
    case 'blocked':
      return style.red;
    case 'warn':
    case 'at-risk':
      return style.yellow;
    case 'error':
    case 'inconclusive':
      return style.magenta;
    case 'info':
      return style.cyan;
    default:
      return style.dim;
  }
}

/** Sources that report what actually happened (logs) rather than configuration. */
const isLogEvidence = (key: string) => /^(FilterLogEvents|LookupEvents|AdminListUserAuthEvents)\./.test(key);

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function renderFinding(f: Finding, o: PrettyOptions, width: number): string[] {
  const s = o.style;
  const color = paint(s, f.status);
  const pad = ' '.repeat(width + 4);
  const head = `${color(MARK[f.status])} ${f.check.padEnd(width)} ${f.status === 'pass' || f.status === 'skip' ? f.message : s.bold(f.title)}`;
  const lines = [head];
  const detailed = !['pass', 'skip'].includes(f.status) || o.verbose;
  if (!detailed) return lines;
  if (f.status !== 'pass' && f.status !== 'skip') lines.push(`${pad}${f.message}`);
  for (const [key, value] of Object.entries(f.evidence)) {
    const line = `${key} = ${formatValue(value)}`;
    // A log line is the strongest evidence the report can show: make it stand out.
    lines.push(isLogEvidence(key) ? `${pad}${s.bold.inverse(' LOG ')} ${s.bold(line)}` : `${pad}${s.dim(line)}`);
  }
  const r = f.remediation;
  if (r) {
    lines.push(`${pad}${s.bold('Fix:')} ${r.text}`);
    for (const block of commandBlocks(r)) {
      if (block.label) lines.push(`${pad}  ${s.bold(`${block.label}:`)}`);
      for (const line of block.lines) {
        lines.push(line.startsWith('# ') ? `${pad}    ${s.yellow(line.slice(2))}` : `${pad}  ${s.bold(`$ ${line}`)}`);
      }
    }
    for (const doc of r.docs) lines.push(`${pad}  ${s.underline(doc)}`);
  }
  // Console links only with --verbose: the terminal report stays short; json and markdown carry them.
  if (o.verbose) for (const l of f.links ?? []) lines.push(`${pad}  ${s.underline(l.url)} ${s.dim(`(${l.label})`)}`);
  return lines;
}

const FIX_MARK: Record<FixStatus, string> = {
  planned: '○',
  applied: '✔',
  failed: '✖',
  unknown: '?',
  declined: '–',
  skipped: '–',
  refused: '⊘',
};

function paintFix(style: Style, status: FixStatus): Style {
  if (status === 'applied') return style.green;
  if (status === 'failed' || status === 'refused' || status === 'unknown') return style.red;
  return status === 'planned' ? style.cyan : style.dim;
}

function renderFixes(fixes: FixRecord[], report: Report, s: Style): string[] {
  const heading = report.dryRun
    ? 'Fixes (dry run: nothing was changed; --fix applies them, asking before each step)'
    : !sentAny(fixes)
      ? 'Fixes (nothing was changed)'
      : report.rechecked
        ? 'Fixes (every check ran again after them: the findings above are the state after)'
        : 'Fixes (the run was interrupted before the checks ran again: the findings above predate these fixes)';
  if (!fixes.length) return [s.bold(heading), `  ${s.dim('Nothing here can be fixed by cognito-doctor itself.')}`, ''];
  const lines = [s.bold(heading)];
  for (const f of fixes) {
    lines.push(
      `${paintFix(s, f.status)(`${FIX_MARK[f.status]} ${f.status.padEnd(8)}`)} ${f.summary} ${s.dim(`(${f.code})`)}`,
    );
    if (f.status !== 'refused') lines.push(`    ${s.bold(`$ ${f.command}`)}`);
    if (f.message) lines.push(`    ${f.message}`);
  }
  return [...lines, ''];
}

export function verdictLine(report: Report, style: Style): string {
  const v = report.verdict;
  const where = v.destination ? `${v.channel} → ${v.destination}` : v.channel;
  return `${paint(style, v.status).bold(v.status.toUpperCase())} ${style.dim(`[${where}]`)} ${v.summary}`;
}

/** The cause codes under the verdict, to file a ticket by; most important first. */
function causesLine(causes: readonly string[], s: Style): string[] {
  if (!causes.length) return [];
  return [s.dim(`${causes.length > 1 ? 'causes, most important first' : 'cause'}: ${causes.join(', ')}`)];
}

export function renderPretty(report: Report, o: PrettyOptions): string {
  if (o.quiet) return `${verdictLine(report, o.style)}\n`;
  const s = o.style;
  const t = report.target;
  const width = Math.max(...report.findings.map((f) => f.check.length));
  const lines = [
    s.bold(`cognito-doctor ${report.command} ${t.input}`),
    s.dim(
      `pool ${t.userPoolId} (${t.region})${t.username ? ` · user ${t.username}` : ''}${t.clientId ? ` · client ${t.clientId}` : ''}`,
    ),
    ...(t.inputNormalised ? [s.dim(t.inputNormalised)] : []),
    '',
    ...report.findings.flatMap((f) => renderFinding(f, o, width)),
    '',
    ...(report.fixes ? renderFixes(report.fixes, report, s) : []),
    s.dim(
      Object.entries(report.counts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${n} ${status}`)
        .join(' · ') + ` · ${report.durationMs} ms`,
    ),
    verdictLine(report, s),
    ...causesLine(report.verdict.causes, s),
  ];
  const n = o.fixable ?? 0;
  if (n > 0) {
    lines.push(
      s.dim(
        `cognito-doctor can fix ${n === 1 ? 'one of these itself' : `${n} of these itself`}: --dry-run shows how, --fix applies ${n === 1 ? 'it' : 'them'} (asking first).`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
