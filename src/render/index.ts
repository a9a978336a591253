import type { OutputFormat } from '../options.js';
import type { Report } from '../report.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderPretty } from './pretty.js';
import { safeReport } from './safe.js';
import type { Style } from './style.js';

export function renderReport(
  report: Report,
  options: { output: OutputFormat; quiet: boolean; verbose: boolean; fixable?: number },
  style: Style,
): string {
  switch (options.output) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(safeReport(report), options.quiet);
    default:
      return renderPretty(safeReport(report), {
        style,
        quiet: options.quiet,
        verbose: options.verbose,
        fixable: options.fixable ?? 0,
      });
  }
}
