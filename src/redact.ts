import type { UserResolution } from './context/index.js';
import { maskDestination } from './domain/channel.js';
import { maskIpAddresses } from './domain/ip-address.js';
import { spellings } from './domain/spellings.js';
import { shellQuote } from './remedy/commands.js';
import type { Report } from './report.js';

// Addresses in any script (jürgen@bücher.example), and E.164 numbers.
const EMAIL = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/**
 * An address (group 1), or else a whole run of the characters an address starts with. Searching for
 * EMAIL alone restarts at every character of a long run with no `@` (a 30 KB log line took seconds);
 * consuming the run instead keeps the search linear and finds the same addresses.
 */
const EMAIL_OR_RUN = new RegExp(`(${EMAIL.source})|[\\p{L}\\p{N}.!#$%&'*+/=?^_\`{|}~-]+`, 'gu');
const PHONE = /\+\d{7,15}(?!\d)/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name shows its first character (as `spelled`, in its case, a Markdown escape aside) only when it has
 * more to hide; a short one is masked whole.
 */
function maskName(name: string, spelled = name): string {
  return Array.from(name).length > 3 ? `${Array.from(spelled.replace(/^\\/, ''))[0]}***` : '***';
}

/** A printed shell command (the report's remediation lines, --fix steps on stderr), not prose. */
const COMMAND_LINE = /^\s*(?:\$ )?(?:aws|cognito-doctor) /;
/** One shell word: single-quoted runs, escaped characters and plain characters, up to a blank. */
const SHELL_WORD = /(?:'[^']*'|\\.|[^\s'\\])+/g;
/** The word as the shell reads it: quotes removed, escapes resolved. */
const unquoted = (word: string) =>
  word.replace(/'([^']*)'|\\(.)/g, (_, quoted?: string, c?: string) => quoted ?? c ?? '');

/**
 * Masks the personal values of one run in any text: e-mail addresses and phone numbers by their
 * shape, and usernames, subs and the input as given by name, as the run learns them (the input
 * from the start, the resolved user and the users a search found once the user is known). Used for
 * the report, for pasting into tickets, and for everything written to stderr while it runs.
 */
export class Redactor {
  private readonly names = new Set<string>();
  /** Each spelling of a name (lower case) and the name it spells, for the mask to show the name's own first letter. */
  private readonly spelled = new Map<string, string>();
  private byName: RegExp | undefined;

  constructor(values: readonly (string | undefined)[]) {
    this.learn(values);
  }

  /** Values to mask wherever they appear, in any case (Cognito may match names case-insensitively). */
  learn(values: readonly (string | undefined)[]): void {
    // Whole addresses and numbers are masked by their shape, which keeps more of them readable.
    const byShape = (v: string) => new RegExp(`^(?:${EMAIL.source}|${PHONE.source})$`, 'u').test(v);
    for (const v of values) {
      if (!v?.trim() || this.names.has(v) || byShape(v)) continue;
      this.names.add(v);
      for (const form of spellings(v))
        if (!this.spelled.has(form.toLowerCase())) this.spelled.set(form.toLowerCase(), v);
    }
    // Longest first, so "jane.doe" is masked before "jane" (and o'\''brien before o).
    const names = [...this.spelled.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.byName = names.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : undefined;
  }

  /** The usernames and subs of the resolved user and of every user a search found. */
  learnResolution(resolution: UserResolution | undefined): void {
    if (!resolution) return;
    const users = [
      { name: resolution.user?.Username, attributes: resolution.user?.UserAttributes },
      ...resolution.candidates.map((u) => ({ name: u.Username, attributes: u.Attributes })),
    ];
    this.learn(users.flatMap((u) => [u.name, u.attributes?.find((a) => a.Name === 'sub')?.Value]));
  }

  /**
   * Every personal value in `text` masked. In a shell command each word is masked as the shell reads
   * it, and a word that changed is quoted again: a mask's `*` must not become a glob when pasted.
   */
  text(text: string): string {
    return text
      .split('\n')
      .map((line) =>
        COMMAND_LINE.test(line) ? line.replace(SHELL_WORD, (word) => this.word(word)) : this.masked(line),
      )
      .join('\n');
  }

  private word(word: string): string {
    // A double-quoted word is a variable the line leaves for the shell ("$CLIENT_ID"), not a value.
    if (word.includes('"')) return this.masked(word);
    const value = unquoted(word);
    const masked = this.masked(value);
    if (masked === value) return word;
    const option = /^--?[A-Za-z0-9-]+=/.exec(value)?.[0];
    return option && masked.startsWith(option) ? option + shellQuote(masked.slice(option.length)) : shellQuote(masked);
  }

  private masked(text: string): string {
    // Names first: a one-letter name must not match the first letter of a mask already made.
    const named = this.byName
      ? text.replace(this.byName, (m) => maskName(this.spelled.get(m.toLowerCase()) ?? m, m))
      : text;
    return maskIpAddresses(
      named
        .replace(EMAIL_OR_RUN, (m, email?: string) => (email ? (maskDestination(email) ?? email) : m))
        .replace(PHONE, (m) => maskDestination(m) ?? m),
    );
  }

  /** Every string in `value` masked, at any depth; object keys kept. */
  value<T>(value: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as T;
  }

  /**
   * A console link masked like text, one component at a time (an address must not swallow the path
   * before it): components are percent-encoded, so personal values are looked for decoded
   * (`jane%40example.com`), and a component that holds one is written masked.
   */
  url(url: string): string {
    return url
      .split(/([/?#&=])/)
      .map((part) => {
        let decoded: string;
        try {
          decoded = decodeURIComponent(part);
        } catch {
          decoded = part;
        }
        const masked = this.text(decoded);
        return masked === decoded ? part : encodeURIComponent(masked).replace(/%40/g, '@');
      })
      .join('');
  }

  /**
   * The report with every string masked; evidence keys (API field paths) and the pool's identifiers
   * kept. Usernames and subs the evidence names (other holders of a contact, say) are learned first.
   */
  report(report: Report): Report {
    this.learn(namedIn(report.findings));
    const redacted = this.value(report);
    // Identifiers of the tool and the pool are not personal data, nor is the vocabulary of checks and
    // codes: a user named "sms" must not turn `sms-opted-out` into `s***-opted-out`.
    return {
      ...redacted,
      verdict: { ...redacted.verdict, causes: report.verdict.causes },
      findings: redacted.findings.map((f, i) => {
        const { check, code, links } = report.findings[i]!;
        return {
          ...f,
          check,
          ...(code ? { code } : {}),
          ...(links ? { links: links.map((l, n) => ({ ...f.links![n]!, url: this.url(l.url) })) } : {}),
        };
      }),
      tool: report.tool,
      target: {
        ...redacted.target,
        userPoolId: report.target.userPoolId,
        clientId: report.target.clientId,
        region: report.target.region,
      },
      generatedAt: report.generatedAt,
    };
  }
}

/** Values of fields named Username or sub (`{Name: 'sub', Value}` too), anywhere in `value`. */
export function namedIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => namedIn(v, found));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.Name === 'sub' && typeof o.Value === 'string') found.push(o.Value);
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && /^(Username|username|sub)$/.test(k)) found.push(v);
      else namedIn(v, found);
    }
  }
  return found;
}

/** The report with personal values masked (see Redactor). */
export function redactReport(report: Report, resolution: UserResolution | undefined, given?: string): Report {
  const redactor = new Redactor([report.target.input, report.target.username ?? undefined, given]);
  redactor.learnResolution(resolution);
  return redactor.report(report);
}
