import { causes } from '../causes.js';
import type { Check } from '../checks/types.js';
import type { OutputFormat } from '../options.js';
import type { Style } from './style.js';

/** The checklist as data: what `cognito-doctor checks --json` prints. */
export function checklistData(checks: readonly Check[]) {
  return {
    schemaVersion: 1,
    checks: checks.map((c) => ({
      id: c.id,
      title: c.title,
      scope: c.scope,
      dependsOn: [...(c.dependsOn ?? [])],
      codes: c.codes.map((code) => ({ code, title: causes[code] })),
      reads: [...c.reads],
      docs: [...c.docs],
    })),
  };
}

export function renderChecks(checks: readonly Check[], format: OutputFormat, style: Style): string {
  const data = checklistData(checks);
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  if (format === 'markdown') {
    const rows = data.checks.map(
      (c, i) =>
        `| ${i + 1} | \`${c.id}\` | ${c.title} | ${c.codes.map((x) => `\`${x.code}\``).join(', ') || '—'} | ${c.reads.map((r) => `\`${r}\``).join(', ') || '—'} | ${c.docs.map((d, n) => `[${n + 1}](${d})`).join(' ') || '—'} |`,
    );
    return ['| # | check | title | codes | IAM actions | docs |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
  }
  const lines = data.checks.flatMap((c, i) => [
    `${style.bold(`${i + 1}. ${c.id}`)}  ${c.title}${c.dependsOn.length ? style.dim(`  (after ${c.dependsOn.join(', ')})`) : ''}`,
    ...c.codes.map((x) => `     ${style.cyan(x.code)}  ${x.title}`),
    ...(c.reads.length ? [`     ${style.dim(`reads: ${c.reads.join(', ')}`)}`] : []),
    ...c.docs.map((d) => `     ${style.dim(d)}`),
    '',
  ]);
  return `${lines.join('\n')}`;
}
