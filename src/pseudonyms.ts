// What a redacted recording holds instead of personal values: pseudonyms, not masks. A mask ("j***@e***")
// loses what the checks read (an address's domain, a number's country, one user's name against
// another's), so a replay of masked answers would reach other findings. A pseudonym keeps those and
// is masked by the report exactly as the real value is:
// - a name (username, sub, the input) keeps its first character, length and the class of each
//   character (a sub stays a UUID); the rest is drawn from a key made for this recording only;
// - an e-mail address: its local part as a name, its domain kept (checks read it);
// - a phone number: its country code, type and validity, its length and its last four digits kept.
// The same value (in any case) always gets the same pseudonym within a recording, so equalities and
// case-insensitive matches hold; across recordings nothing links them.

import { createHmac, randomBytes } from 'node:crypto';
import { maskIpAddresses } from './domain/ip-address.js';
import { spellings } from './domain/spellings.js';

// The shapes the report's redaction masks (src/redact.ts).
const EMAIL = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PHONE = /\+\d{7,15}(?!\d)/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

/** A character of `set` drawn by `byte`, never `original`: every drawn character changes. */
function other(set: string, original: string, byte: number): string {
  const choices = set.replace(original, '');
  return choices[byte % choices.length]!;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface PhoneFacts {
  /** It parses, to itself as E.164. */
  parses: boolean;
  country: string | undefined;
  valid: boolean;
  type: string | undefined;
}

export class Pseudonyms {
  /** Lower-cased value → lower-cased pseudonym. */
  private readonly names = new Map<string, string>();
  /** Each spelling of a name (lower-cased; see spellings) → the same spelling of its pseudonym. */
  private readonly spelled = new Map<string, string>();
  private readonly phones = new Map<string, string>();
  private byName: RegExp | undefined;
  /** Words of the run's own text (see avoidWordsOf). */
  private readonly words = new Set<string>();

  constructor(private readonly key: Buffer = randomBytes(32)) {}

  /** A stream of bytes for `value`, the same for the same value within this recording. */
  private bytes(value: string, length: number): Buffer {
    const blocks: Buffer[] = [];
    for (let i = 0; blocks.length * 32 < length; i++) {
      blocks.push(createHmac('sha256', this.key).update(`${i}:${value}`).digest());
    }
    return Buffer.concat(blocks);
  }

  /** A name's pseudonym: the report shows a name (or an address's local part) by its first character. */
  private nameFor(lower: string, attempt: number): string {
    const chars = Array.from(lower);
    const b = this.bytes(`${attempt}:${lower}`, chars.length);
    const uuid = UUID.test(lower);
    return chars
      .map((c, i) => {
        // A UUID keeps its version and variant characters, so it still reads as a v4 sub.
        if (i === 0 || (uuid && (i === 14 || i === 19))) return c;
        if (uuid) return c === '-' ? c : other(HEX, c, b[i]!);
        if (/\d/.test(c)) return other(DIGITS, c, b[i]!);
        if (/[a-z]/.test(c)) return other(LETTERS, c, b[i]!);
        return c;
      })
      .join('');
  }

  /** Values to replace wherever they appear (usernames, subs, the input as typed), in any case. */
  /**
   * Words a pseudonym must not be: a replay's report masks a pseudonym wherever it stands alone, so one
   * that is also a word of the run's text ("ses" in "SES in eu-west-1") would mask that word too.
   */
  avoidWordsOf(text: string): void {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) this.words.add(word);
  }

  learnNames(values: readonly (string | undefined)[]): void {
    for (const v of values) {
      const lower = v?.trim().toLowerCase();
      if (!lower || lower.includes('@') || /^\+\d+$/.test(lower) || this.names.has(lower)) continue;
      // Two users never share a pseudonym, nor does one take another's real name: a replay must
      // still tell them apart.
      const taken = new Set([
        ...this.words,
        ...this.names.keys(),
        ...this.names.values(),
        ...values.map((x) => x?.toLowerCase()),
      ]);
      let pseudonym = this.nameFor(lower, 0);
      for (let attempt = 1; taken.has(pseudonym) && attempt < 100; attempt++) pseudonym = this.nameFor(lower, attempt);
      this.names.set(lower, pseudonym);
      const forms = spellings(pseudonym);
      spellings(lower).forEach((form, i) => this.spelled.set(form, forms[i]!));
    }
    const names = [...this.spelled.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.byName = names.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : undefined;
  }

  /**
   * Every phone number in `texts` gets its pseudonym: the same country, type and validity (as
   * libphonenumber sees them), length and last four digits; the digits between are drawn anew.
   */
  async learnPhones(texts: readonly string[]): Promise<void> {
    const numbers = new Set(texts.flatMap((t) => t.match(PHONE) ?? []));
    if (![...numbers].some((n) => !this.phones.has(n))) return;
    const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
    const facts = (n: string): PhoneFacts => {
      const p = parsePhoneNumberFromString(n);
      return { parses: p?.number === n, country: p?.country, valid: p?.isValid() ?? false, type: p?.getType() };
    };
    const same = (a: PhoneFacts, b: PhoneFacts) =>
      a.parses === b.parses && a.country === b.country && a.valid === b.valid && a.type === b.type;
    for (const n of numbers) {
      if (this.phones.has(n)) continue;
      const want = facts(n);
      const digits = n.slice(1);
      let found: string | undefined;
      // Keep as few leading digits as give the same facts: the country code, then the ranges under it.
      for (let keep = 1; !found && keep < digits.length - 4; keep++) {
        for (let attempt = 0; !found && attempt < 20; attempt++) {
          const b = this.bytes(`${attempt}:${keep}:${n}`, digits.length);
          const middle = Array.from(digits.slice(keep, -4), (_, i) => String(b[i]! % 10)).join('');
          const candidate = `+${digits.slice(0, keep)}${middle}${digits.slice(-4)}`;
          if (candidate !== n && same(facts(candidate), want)) found = candidate;
        }
      }
      // No other number has the same facts (a very short one): only its last four digits are shown anyway.
      this.phones.set(n, found ?? `+${'0'.repeat(digits.length - 4)}${digits.slice(-4)}`);
    }
  }

  /**
   * An address's local part: a known name's pseudonym when it is one (the report masks it as that name),
   * else its first character kept and the rest drawn, at least three of them so "g@example.com" changes.
   */
  private localFor(lower: string): string {
    const known = this.names.get(lower);
    if (known) return known;
    const rest = Array.from(lower.slice(1).padEnd(3, 'x'));
    const b = this.bytes(`@${lower}`, rest.length);
    return lower[0]! + rest.map((c, i) => other(/\d/.test(c) ? DIGITS : LETTERS, c, b[i]!)).join('');
  }

  /** `text` with every known name, e-mail address and phone number replaced by its pseudonym. */
  text(text: string): string {
    // Addresses first: a local part that is a name takes that name's pseudonym, as a whole.
    const addressed = text.replace(EMAIL, (m) => {
      // An identity ARN runs into the address ("identity/no-reply@…"): only the address changes.
      const start = m.lastIndexOf('/') + 1;
      const at = m.lastIndexOf('@');
      const local = m.slice(start, at);
      return `${m.slice(0, start)}${withCaseOf(local, this.localFor(local.toLowerCase()))}${m.slice(at)}`;
    });
    const named = this.byName
      ? addressed.replace(this.byName, (m) => withCaseOf(m, this.spelled.get(m.toLowerCase())!))
      : addressed;
    // An IP address is not read by any check: it is masked as the report masks it, so both agree.
    return maskIpAddresses(named.replace(PHONE, (m) => this.phones.get(m) ?? m));
  }

  /**
   * A number as typed ("+44 7400 123456", "07400 123456") with the digits its E.164 form's pseudonym
   * changes, matched from the end, so it still normalises to that pseudonym.
   */
  written(typed: string, e164: string): string {
    const real = e164.slice(1);
    const fake = (this.phones.get(e164) ?? e164).slice(1);
    let i = real.length - 1;
    const out = Array.from(typed);
    for (let j = out.length - 1; j >= 0 && i >= 0; j--) {
      if (!/\d/.test(out[j]!)) continue;
      if (out[j] !== real[i]) break;
      out[j] = fake[i]!;
      i--;
    }
    return out.join('');
  }
}

/** `pseudonym` with the case of `original`, character by character. */
function withCaseOf(original: string, pseudonym: string): string {
  const o = Array.from(original);
  return Array.from(pseudonym)
    .map((c, i) => (o[i] && o[i] !== o[i].toLowerCase() ? c.toUpperCase() : c))
    .join('');
}
