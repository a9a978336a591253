import type { Finding, Remediation, Status } from '../checks/types.js';
import { commandBlocks } from './commands.js';
import { sentAny, type FixRecord } from '../fixes/types.js';
import type { Report } from '../report.js';

const WORD: Record<Status, string> = {
  pass: '✅ pass',
  info: 'ℹ️ info',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip',
  error: '❗ error',
};

/** Markdown that pastes into a ticket: pipes and newlines must not break the table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function section(f: Finding): string[] {
  const lines = [`### ${WORD[f.status]} · ${f.check} · ${f.title}`, '', f.message, ''];
  const evidence = Object.entries(f.evidence);
  if (evidence.length) {
    lines.push('Evidence:', '', ...evidence.map(([k, v]) => `- \`${k}\`: \`${cell(value(v))}\``), '');
  }
  const r = f.remediation;
  if (r) {
    lines.push(`**Fix:** ${r.text}`, '');
    lines.push(...blocks(r));
    if (r.docs.length) lines.push(...r.docs.map((d) => `- <${d}>`), '');
  }
  return lines;
}

/** Code blocks of a remediation; alternatives each in their own block, labelled. */
function blocks(r: Remediation): string[] {
  return commandBlocks(r).flatMap((b) => [...(b.label ? [`_${b.label}:_`, ''] : []), '```sh', ...b.lines, '```', '']);
}

function fixesSection(fixes: FixRecord[], dryRun: boolean): string[] {
  const lines = [
    dryRun
      ? '### Fixes (dry run: nothing was changed)'
      : sentAny(fixes)
        ? '### Fixes by cognito-doctor (the checklist above ran again after them)'
        : '### Fixes by cognito-doctor (nothing was changed)',
    '',
  ];
  if (!fixes.length) return [...lines, 'Nothing here can be fixed by cognito-doctor itself.', ''];
  lines.push('| status | cause | step |', '|---|---|---|');
  for (const f of fixes) {
    lines.push(`| ${f.status} | ${f.code} | ${cell(f.summary)}${f.message ? ` (${cell(f.message)})` : ''} |`);
  }
  // A refused step is never to be run: its command is not offered for pasting.
  const runnable = fixes.filter((f) => f.status !== 'refused').map((f) => f.command);
  return [...lines, '', ...(runnable.length ? ['```sh', ...runnable, '```', ''] : [])];
}

function verdictLine(v: Report['verdict']): string {
  return `**Verdict: ${v.status.toUpperCase()}** (channel ${v.channel}${v.destination ? `, ${v.destination}` : ''}): ${v.summary}`;
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
    `## cognito-doctor: ${report.command} for \`${cell(t.input)}\``,
    '',
    verdictLine(v),
    '',
    ...(t.inputNormalised ? [`_${cell(t.inputNormalised)}_`, ''] : []),
    '| pool | Region | user | app client |',
    '|---|---|---|---|',
    `| \`${t.userPoolId}\` | ${t.region} | ${t.username ? `\`${cell(t.username)}\`` : '—'} | ${t.clientId ? `\`${t.clientId}\`` : '—'} |`,
    '',
    '| check | status | finding |',
    '|---|---|---|',
    ...report.findings.map(
      (f) =>
        `| ${f.check} | ${WORD[f.status]} | ${cell(f.status === 'pass' || f.status === 'skip' ? f.message : f.title)} |`,
    ),
    '',
    ...notable.flatMap(section),
  ];
  if (report.fixes) lines.push(...fixesSection(report.fixes, report.dryRun === true));
  if (remedies.length) lines.push('### All remediation commands', '', ...remedies.flatMap(blocks));
  lines.push(
    `_cognito-doctor ${report.tool.version}, ${report.generatedAt}, exit code ${report.exitCode}, ${report.durationMs} ms._`,
    '',
  );
  return lines.join('\n');
}
