// A batch as people read it: one row per line of the users file (user, verdict, channel, main cause)
// and the counts per cause, at a terminal (pretty) or pasted into a ticket (markdown). Values come
// from AWS and from the users file: made plain and short before they are shown.
import { mainCause, type BatchRecord, type BatchSummary } from '../batch-summary.js';
import { excerpt, plain, visible } from '../domain/text.js';
import { code, inCell, text } from './markdown.js';
import type { Style } from './style.js';

/** A user's cell is cut past this, a bad line's message past twice this: a table row stays one line. */
const CELL_MAX = 60;

interface Row {
  line: number;
  user: string;
  verdict: string;
  channel: string;
  cause: string;
}

function rowOf(r: BatchRecord): Row {
  const cell = (s: string) => excerpt(plain(s), CELL_MAX);
  if (r.kind === 'error') {
    const verdict = r.document.error.kind === 'input' ? 'not a user' : 'failed';
    // The line is a column of its own.
    const message = r.document.error.message.replace(/^Line \d+: /, '');
    // A line refused for an invisible character shows it, as the JSON record holds it.
    return {
      line: r.line,
      user: cell(visible(r.given)),
      verdict,
      channel: '—',
      cause: excerpt(plain(message), 2 * CELL_MAX),
    };
  }
  const v = r.report.verdict;
  return {
    line: r.line,
    user: cell(r.report.target.input),
    verdict: r.report.interrupted ? 'interrupted' : v.status,
    channel: v.channel,
    cause: mainCause(r.report) ?? '—',
  };
}

function countsLine(summary: BatchSummary): string {
  const verdicts = Object.entries(summary.verdicts)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`);
  const stopped = summary.stoppedBy ? ` · stopped by ${summary.stoppedBy}` : '';
  return `${summary.diagnosed} of ${summary.users} diagnosed${verdicts.length ? ` (${verdicts.join(', ')})` : ''}${summary.notDiagnosed ? ` · ${summary.notDiagnosed} not diagnosed` : ''}${stopped} · ${summary.requests} AWS requests · exit code ${summary.exitCode} · ${summary.durationMs} ms`;
}

const causeEntries = (summary: BatchSummary) => Object.entries(summary.causes);

export function renderBatchPretty(
  records: readonly BatchRecord[],
  summary: BatchSummary,
  style: Style,
  quiet: boolean,
): string {
  const lines = [
    style.bold(`cognito-doctor ${summary.command} --users-file: ${summary.users} users`),
    style.dim(`pool ${summary.userPoolId} (${summary.region})`),
    '',
  ];
  if (!quiet) {
    const rows = records.map(rowOf);
    const head: Row = { line: 0, user: 'user', verdict: 'verdict', channel: 'channel', cause: 'main cause' };
    const width = (key: keyof Omit<Row, 'line'>) => Math.max(...[head, ...rows].map((r) => Array.from(r[key]).length));
    const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - Array.from(s).length));
    const lineWidth = Math.max(4, ...rows.map((r) => String(r.line).length));
    const format = (r: Row, lineText: string) =>
      `${lineText.padStart(lineWidth)}  ${pad(r.user, width('user'))}  ${pad(r.verdict, width('verdict'))}  ${pad(r.channel, width('channel'))}  ${r.cause}`.trimEnd();
    lines.push(style.bold(format(head, 'line')), ...rows.map((r) => format(r, String(r.line))), '');
  }
  const causes = causeEntries(summary);
  if (causes.length) {
    const width = Math.max(...causes.map(([, n]) => String(n).length));
    lines.push(style.bold('Main causes'), ...causes.map(([cause, n]) => `${String(n).padStart(width)}  ${cause}`), '');
  }
  lines.push(countsLine(summary));
  return `${lines.join('\n')}\n`;
}

export function renderBatchMarkdown(records: readonly BatchRecord[], summary: BatchSummary, quiet: boolean): string {
  const lines = [
    `## cognito-doctor: ${summary.command} for ${summary.users} users of ${code(summary.userPoolId)} (${text(summary.region)})`,
    '',
  ];
  if (!quiet) {
    lines.push('| line | user | verdict | channel | main cause |', '|---:|---|---|---|---|');
    for (const r of records.map(rowOf)) {
      const cause =
        r.cause === '—' ? '—' : r.verdict === 'not a user' || r.verdict === 'failed' ? text(r.cause) : code(r.cause);
      lines.push(`| ${r.line} | ${inCell(code(r.user))} | ${r.verdict} | ${r.channel} | ${inCell(cause)} |`);
    }
    lines.push('');
  }
  const causes = causeEntries(summary);
  if (causes.length) {
    lines.push('| main cause | users |', '|---|---:|', ...causes.map(([cause, n]) => `| ${code(cause)} | ${n} |`), '');
  }
  lines.push(`_${text(countsLine(summary))}; cognito-doctor ${summary.tool.version}, ${summary.generatedAt}._`, '');
  return lines.join('\n');
}
