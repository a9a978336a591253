// Text from AWS (pool names, From addresses, attribute values, log lines, error messages) is data. Before
// it reaches a terminal or a ticket it loses what could drive the terminal or forge a line of the report.

/** ESC sequences: CSI (`ESC [ … final`), OSC/DCS/PM/APC strings up to their terminator, and two-byte ones; C1 CSI too. */
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -~]?)|\x9b[0-?]*[ -/]*[@-~]?/g;
/** Line breaks and tabs become spaces: a value never starts a line of its own. */
const BREAK = /[\n\r\t\v\f\u2028\u2029\u0085]/g;
/** Every other control character, and the invisible marks that reorder text (bidirectional overrides). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

/** A value from an AWS document as text: strings as they are, anything else as its JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** The text with escape sequences and control characters removed and line breaks turned into spaces. */
export function plain(text: string): string {
  return text.replace(ESCAPE, '').replace(BREAK, ' ').replace(CONTROL, '');
}

/**
 * The text with every character a terminal would hide, reorder or act on (control and formatting
 * characters, separators other than a space) written as its code point, `<U+202E>`: for a value the
 * person must see exactly, such as a users-file line refused for holding one.
 */
export function visible(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{S}\p{N}\p{P} ]/gu, (c) => `<${codePoint(c)}>`);
}

/** A character's code point as Unicode writes it: `U+200B`. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * At most `max` characters of `text`, with a note saying how long it was when cut. Counted in code
 * points, so a cut never splits a character.
 */
export function excerpt(text: string, max: number, note = ''): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('')}… [cut: ${chars.length} characters${note}]`;
}
