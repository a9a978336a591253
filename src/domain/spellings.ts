// The ways the output spells one value: a report, a shell line, a JSON string, a filter pattern and
// Markdown prose each escape it their own way, and a masked output must hide every one of them.

/** The characters Markdown could read as markup in prose, each escaped with a backslash. */
export const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&]/g;

/**
 * `value` as it is, inside a shell command's single quotes (o'\''brien), inside a JSON string or a
 * log filter term (back\\slash, say\"hi), and as Markdown prose escapes it. The same order for any value,
 * so one value's spellings map one to one onto another's (a name's onto its pseudonym's).
 */
export function spellings(value: string): string[] {
  return [
    value,
    value.replace(/'/g, `'\\''`),
    JSON.stringify(value).slice(1, -1),
    value.replace(MARKDOWN_SPECIAL, '\\$&'),
  ];
}
