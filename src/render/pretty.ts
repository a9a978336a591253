import type { Finding, Status } from '../checks/types.js';
import type { Report, VerdictStatus } from '../report.js';
import type { Style } from './style.js';

export interface PrettyOptions {
  style: Style;
  /** Only the verdict. */
  quiet: boolean;
  /** Evidence of passing checks too. */
  verbose: boolean;
}

const MARK: Record<Status, string> = { pass: '✔', info: 'i', warn: '⚠', fail: '✖', skip: '○', error: '!' };

function paint(style: Style, status: Status | VerdictStatus): Style {
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

function renderFinding(f: Finding, o: PrettyOptions, width: number): string[] {
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
    for (const command of r.commands) lines.push(`${pad}  ${s.bold(`$ ${command}`)}`);
    for (const doc of r.docs) lines.push(`${pad}  ${s.underline(doc)}`);
  }
  return lines;
}

export function verdictLine(report: Report, style: Style): string {
  const v = report.verdict;
  const where = v.destination ? `${v.channel} → ${v.destination}` : v.channel;
  return `${paint(style, v.status).bold(v.status.toUpperCase())} ${style.dim(`[${where}]`)} ${v.summary}`;
}

export function renderPretty(report: Report, o: PrettyOptions): string {
  if (o.quiet) return `${verdictLine(report, o.style)}\n`;
  const s = o.style;
  const t = report.target;
  const width = Math.max(...report.findings.map((f) => f.check.length));
  const lines = [
    s.bold(`cognito-doctor forgot-password ${t.input}`),
    s.dim(
      `pool ${t.userPoolId} (${t.region})${t.username ? ` · user ${t.username}` : ''}${t.clientId ? ` · client ${t.clientId}` : ''}`,
    ),
    '',
    ...report.findings.flatMap((f) => renderFinding(f, o, width)),
    '',
    s.dim(
      Object.entries(report.counts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${n} ${status}`)
        .join(' · ') + ` · ${report.durationMs} ms`,
    ),
    verdictLine(report, s),
  ];
  return `${lines.join('\n')}\n`;
}
