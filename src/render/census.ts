// The census report for people: pretty for a terminal, markdown for a ticket. Pure functions of the
// report; JSON is the report itself.

import type { CensusClass, CensusReport } from '../census/report.js';
import type { OutputFormat } from '../options.js';
import { renderJson } from './json.js';
import { code, inCell, section, text, WORD } from './markdown.js';
import { MARK, paint, renderFinding } from './pretty.js';
import { safeCensus } from './safe.js';
import type { Style } from './style.js';

export function renderCensus(report: CensusReport, output: OutputFormat, style: Style, verbose = false): string {
  if (output === 'json') return renderJson(report);
  const safe = safeCensus(report);
  return output === 'markdown' ? censusMarkdown(safe) : censusPretty(safe, style, verbose);
}

const share = (c: CensusClass, total: number) => (total ? `${Math.round((c.count / total) * 100)}%` : '—');
const mark = (c: CensusClass) => (c.reachable === true ? 'pass' : c.reachable === null ? 'warn' : 'fail');

function listingLine(r: CensusReport): string {
  const u = r.users;
  const limit = u.limit !== null ? `, --limit ${u.limit}` : '';
  return `${u.classified} users classified from ${u.pages} ListUsers page${u.pages === 1 ? '' : 's'} (${u.listing}${limit}), ${u.usersPerSecond} users/s`;
}

export function censusPretty(r: CensusReport, s: Style, verbose: boolean): string {
  const findings = r.pool.findings;
  const width = Math.max(0, ...findings.map((f) => f.check.length));
  const options = { style: s, quiet: false, verbose };
  const lines = [
    s.bold(`cognito-doctor pool ${r.target.userPoolId}`),
    s.dim(`${r.target.region}${r.target.estimatedUsers !== null ? ` · about ${r.target.estimatedUsers} users` : ''}`),
    '',
    s.bold('Pool-level checks (every user shares them)'),
    ...findings.flatMap((f) => renderFinding(f, options, width)),
    '',
    s.bold('Users'),
    s.dim(listingLine(r)),
  ];
  if (r.users.error) {
    const e = r.users.error;
    lines.push(paint(s, 'error')(`! ${e.action} in ${e.region} failed with ${e.code}: ${e.message}`));
  }
  const countWidth = Math.max(1, ...r.classes.map((c) => String(c.count).length));
  for (const c of r.classes) {
    const status = mark(c);
    lines.push(
      `${paint(s, status)(MARK[status])} ${String(c.count).padStart(countWidth)} ${share(c, r.users.classified).padStart(4)}  ${s.bold(c.id)}: ${c.title}`,
    );
    const pad = ' '.repeat(countWidth + 9);
    if (c.examples.length) lines.push(`${pad}${s.dim(`e.g. ${c.examples.join(', ')}`)}`);
    if (c.reachable !== true || verbose) lines.push(`${pad}${s.dim(`Known: ${c.known}`)}`);
    if (c.fix) {
      lines.push(`${pad}${s.bold('Fix:')} ${c.fix.text}`);
      for (const command of c.fix.commands) lines.push(`${pad}  ${s.bold(`$ ${command}`)}`);
    }
  }
  lines.push('', s.dim(`exit code ${r.exitCode} · ${r.durationMs} ms`), s.bold(r.summary));
  return `${lines.join('\n')}\n`;
}

export function censusMarkdown(r: CensusReport): string {
  const notable = r.pool.findings.filter((f) => f.status !== 'pass' && f.status !== 'skip');
  const lines = [
    `## cognito-doctor: pool census of ${code(r.target.userPoolId)} (${text(r.target.region)})`,
    '',
    `**${text(r.summary)}**`,
    '',
    text(listingLine(r)),
    '',
  ];
  if (r.users.error) {
    const e = r.users.error;
    lines.push(`❗ ${code(e.action)} failed with ${code(e.code)}: ${text(e.message)}`, '');
  }
  lines.push('| users | share | class | examples |', '|---|---|---|---|');
  for (const c of r.classes) {
    const examples = c.examples.map((e) => inCell(code(e))).join(', ') || '—';
    lines.push(
      `| ${c.count} | ${share(c, r.users.classified)} | ${WORD[mark(c)]} ${c.id}: ${text(c.title)} | ${examples} |`,
    );
  }
  lines.push('');
  for (const c of r.classes.filter((k) => k.reachable !== true)) {
    lines.push(`### ${c.id} (${c.count})`, '', text(c.known), '');
    if (c.fix) {
      lines.push(`**Fix:** ${text(c.fix.text)}`, '');
      if (c.fix.commands.length) lines.push('```sh', ...c.fix.commands, '```', '');
    }
  }
  lines.push('### Pool-level checks', '', '| check | status | finding |', '|---|---|---|');
  for (const f of r.pool.findings) {
    lines.push(
      `| ${f.check} | ${WORD[f.status]} | ${text(f.status === 'pass' || f.status === 'skip' ? f.message : f.title)} |`,
    );
  }
  lines.push('', ...notable.flatMap(section));
  lines.push(`_cognito-doctor ${r.tool.version}, ${r.generatedAt}, exit code ${r.exitCode}, ${r.durationMs} ms._`, '');
  return lines.join('\n');
}
