import type { Finding, Remediation, Status } from '../checks/types.js';
import { commandBlocks } from './commands.js';
import { MARKDOWN_SPECIAL } from '../domain/spellings.js';
import { sentAny, type FixRecord } from '../fixes/types.js';
import type { Report } from '../report.js';

export const WORD: Record<Status, string> = {
  pass: '✅ pass',
  info: 'ℹ️ info',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip',
  error: '❗ error',
};

// The report arrives plain (render/safe.ts: no line breaks, no controls). What is left to do is keep
// Markdown from reading values as markup: a pasted report must show exactly the text, in the table
// it was put in.

/** Prose: every character Markdown could read as markup is escaped (a line never starts a block). */
export const text = (s: string) =>
  s.replace(MARKDOWN_SPECIAL, '\\$&').replace(/^([#>+=-]|\d+(?=[.)]))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));

/** A code span that holds any value: the fence is longer than the longest run of backticks in it. */
export function code(s: string): string {
  const fence = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** In a table row a pipe ends the cell, even inside a code span, unless escaped. */
export const inCell = (markdown: string) => markdown.replace(/(?<!\\)\|/g, '\\|');

export function section(f: Finding): string[] {
  const lines = [`### ${WORD[f.status]} · ${f.check} · ${text(f.title)}`, '', text(f.message), ''];
  const evidence = Object.entries(f.evidence);
  if (evidence.length) {
    lines.push('Evidence:', '', ...evidence.map(([k, v]) => `- ${code(k)}: ${code(String(v))}`), '');
  }
  const r = f.remediation;
  if (r) {
    lines.push(`**Fix:** ${text(r.text)}`, '');
    lines.push(...blocks(r));
    if (r.docs.length) lines.push(...r.docs.map((d) => `- <${d}>`), '');
  }
  // Link destinations in angle brackets: the URLs are percent-encoded, so they hold no < > or spaces.
  if (f.links?.length)
    lines.push('In the AWS console:', '', ...f.links.map((l) => `- [${text(l.label)}](<${l.url}>)`), '');
  return lines;
}

/** Code blocks of a remediation; alternatives each in their own block, labelled. */
function blocks(r: Remediation): string[] {
  return commandBlocks(r).flatMap((b) => [
    ...(b.label ? [`_${text(b.label)}:_`, ''] : []),
    '```sh',
    ...b.lines,
    '```',
    '',
  ]);
}

function fixesSection(fixes: FixRecord[], report: Report): string[] {
  const lines = [
    report.dryRun
      ? '### Fixes (dry run: nothing was changed)'
      : !sentAny(fixes)
        ? '### Fixes by cognito-doctor (nothing was changed)'
        : report.rechecked
          ? '### Fixes by cognito-doctor (the checklist above ran again after them)'
          : '### Fixes by cognito-doctor (interrupted before the checklist ran again: the findings above predate them)',
    '',
  ];
  if (!fixes.length) return [...lines, 'Nothing here can be fixed by cognito-doctor itself.', ''];
  lines.push('| status | cause | step |', '|---|---|---|');
  for (const f of fixes) {
    lines.push(`| ${f.status} | ${f.code} | ${text(f.summary)}${f.message ? ` (${text(f.message)})` : ''} |`);
  }
  // A refused step is never to be run: its command is not offered for pasting.
  const runnable = fixes.filter((f) => f.status !== 'refused').map((f) => f.command);
  return [...lines, '', ...(runnable.length ? ['```sh', ...runnable, '```', ''] : [])];
}

function verdictLine(v: Report['verdict']): string {
  return `**Verdict: ${v.status.toUpperCase()}** (channel ${v.channel}${v.destination ? `, ${text(v.destination)}` : ''}): ${text(v.summary)}`;
}

export function renderMarkdown(report: Report, quiet = false): string {
  const t = report.target;
  const v = report.verdict;
  if (quiet) return `${verdictLine(v)}\n`;
  const notable = report.findings.filter((f) => !['pass', 'skip'].includes(f.status));
  // Each remediation's commands once, its alternatives kept apart as choices.
  const seen = new Set<string>();
  const remedies = notable.flatMap((f) => {
    const r = f.remediation;
    if (!r?.commands.length) return [];
    const fresh = r.commands.filter((c) => !seen.has(c));
    fresh.forEach((c) => seen.add(c));
    return fresh.length ? [{ ...r, commands: fresh }] : [];
  });
  const lines = [
    `## cognito-doctor: ${report.command} for ${code(t.input)}`,
    '',
    verdictLine(v),
    '',
    ...(v.causes.length
      ? [`${v.causes.length > 1 ? 'Causes, most important first' : 'Cause'}: ${v.causes.map(code).join(', ')}`, '']
      : []),
    ...(t.inputNormalised ? [`_${text(t.inputNormalised)}_`, ''] : []),
    '| pool | Region | user | app client |',
    '|---|---|---|---|',
    `| ${inCell(code(t.userPoolId))} | ${text(t.region)} | ${t.username ? inCell(code(t.username)) : '—'} | ${t.clientId ? inCell(code(t.clientId)) : '—'} |`,
    '',
    '| check | status | finding |',
    '|---|---|---|',
    ...report.findings.map(
      (f) =>
        `| ${f.check} | ${WORD[f.status]} | ${text(f.status === 'pass' || f.status === 'skip' ? f.message : f.title)} |`,
    ),
    '',
    ...notable.flatMap(section),
  ];
  if (report.fixes) lines.push(...fixesSection(report.fixes, report));
  if (remedies.length) lines.push('### All remediation commands', '', ...remedies.flatMap(blocks));
  lines.push(
    `_cognito-doctor ${report.tool.version}, ${report.generatedAt}, exit code ${report.exitCode}, ${report.durationMs} ms._`,
    '',
  );
  return lines.join('\n');
}
