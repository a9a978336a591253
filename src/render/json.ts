/**
 * JSON.stringify escapes C0 controls but writes C1 controls, line separators and bidirectional marks
 * as they are; as \u escapes the values stay exact and `cat report.json` cannot drive the terminal.
 */
const INVISIBLE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

const escaped = (json: string) => json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function renderJson(report: object): string {
  return `${escaped(JSON.stringify(report, null, 2))}\n`;
}

/** One document on one line, for --output ndjson (JSON.stringify escapes every line break in values). */
export function renderJsonLine(document: object): string {
  return `${escaped(JSON.stringify(document))}\n`;
}
