// E-mail address syntax, as RFC 5322 defines a mailbox (section 3.4) and as Amazon SES accepts it: the
// local part must be 7-bit ASCII (SES does not support SMTPUTF8); the domain may be internationalised and
// is checked in its ASCII (Punycode) form against the DNS rules of RFC 1035/5321. Obsolete syntax,
// comments and folding white space inside the address are not accepted: a sender configuration never needs
// them, and SES rejects most of them.

import { domainToASCII } from 'node:url';

export interface Mailbox {
  /** The display name, unquoted (`Shop` in `Shop <no-reply@shop.example.com>`), or undefined. */
  displayName?: string;
  /** The addr-spec: `local@domain`. */
  address: string;
  local: string;
  /** The domain as written, lower-cased. */
  domain: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

// RFC 5322 atext: the characters an unquoted local part or atom may use.
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
// qtext and quoted-pair: printable ASCII except `"` and `\`, or a backslash before printable ASCII or space.
const QUOTED_CONTENT = /^(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*$/;
// Characters of a display name that RFC 5322 reserves (specials) unless the name is quoted.
const SPECIALS = /[()<>[\]:;@\\,."]/;

const MAX_ADDRESS = 254; // RFC 5321 path limit (256) minus the angle brackets
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;

/** An addr-spec (`local@domain`), with no display name. */
export function parseAddress(input: string): Parsed<Mailbox> {
  const value = input.trim();
  if (!value) return bad('it is empty');
  if (value.length > MAX_ADDRESS) return bad(`it is ${value.length} characters long (the limit is ${MAX_ADDRESS})`);
  const at = value.lastIndexOf('@');
  if (at < 0) return bad('it has no @');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const localProblem = checkLocal(local);
  if (localProblem) return bad(localProblem);
  const domainProblem = checkDomain(domain);
  if (domainProblem) return bad(domainProblem);
  return { ok: true, value: { address: `${local}@${domain}`, local, domain: domain.toLowerCase() } };
}

/** A mailbox: an addr-spec, or `display name <addr-spec>` (the form of `EmailConfiguration.From`). */
export function parseMailbox(input: string): Parsed<Mailbox> {
  const value = input.trim();
  if (!value.endsWith('>')) {
    if (value.includes('<')) return bad('it has a "<" without a closing ">"');
    return parseAddress(value);
  }
  const open = value.lastIndexOf('<');
  if (open < 0) return bad('it has a ">" without an opening "<"');
  const inner = value.slice(open + 1, -1);
  if (inner.includes('<') || inner.includes('>')) return bad('it has nested angle brackets');
  const address = parseAddress(inner);
  if (!address.ok) return address;
  const name = parseDisplayName(value.slice(0, open).trim());
  if (!name.ok) return name;
  return { ok: true, value: { ...address.value, ...(name.value ? { displayName: name.value } : {}) } };
}

/** The domain names a verified SES domain identity would cover: the domain and each parent with 2+ labels. */
export function coveringDomains(domain: string): string[] {
  const labels = domain.toLowerCase().split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Whether `domain` is `identity` or one of its subdomains (SES domain identities cover subdomains). */
export function isWithinDomain(domain: string, identity: string): boolean {
  const d = domain.toLowerCase();
  const i = identity.toLowerCase();
  return d === i || d.endsWith(`.${i}`);
}

function checkLocal(local: string): string | undefined {
  if (!local) return 'the part before @ is empty';
  if (local.length > MAX_LOCAL)
    return `the part before @ is ${local.length} characters long (the limit is ${MAX_LOCAL})`;
  if (local.startsWith('"') && local.endsWith('"') && local.length >= 2) {
    return QUOTED_CONTENT.test(local.slice(1, -1))
      ? undefined
      : 'the quoted part before @ holds characters that need escaping or are not ASCII';
  }
  // dot-atom: atoms separated by single dots, no dot at either end.
  if (/[^\x20-\x7e]/.test(local)) return 'the part before @ has non-ASCII characters, which SES cannot send to or from';
  if (local.startsWith('.') || local.endsWith('.')) return 'the part before @ starts or ends with a dot';
  if (local.includes('..')) return 'the part before @ has two dots in a row';
  const badAtom = local.split('.').find((atom) => !ATEXT.test(atom));
  if (badAtom !== undefined) {
    const ch = Array.from(badAtom).find((c) => !ATEXT.test(c)) ?? badAtom;
    return `the part before @ has a character that must be quoted: ${JSON.stringify(ch)}`;
  }
  return undefined;
}

function checkDomain(domain: string): string | undefined {
  if (!domain) return 'the domain after @ is empty';
  if (domain.startsWith('[')) return 'the domain is an address literal, which SES does not send to or from';
  if (domain.endsWith('.')) return 'the domain ends with a dot';
  if (/\s/.test(domain)) return 'the domain contains white space';
  // Non-ASCII domains are internationalised names; SES uses their Punycode form.
  const ascii = /[^\p{ASCII}]/u.test(domain) ? domainToASCII(domain) : domain;
  if (!ascii) return 'the domain is not a valid internationalised domain name';
  if (ascii.length > MAX_DOMAIN) return `the domain is ${ascii.length} characters long (the limit is ${MAX_DOMAIN})`;
  const labels = ascii.split('.');
  if (labels.length < 2) return 'the domain has no dot: it is not a public mail domain';
  for (const label of labels) {
    if (!label) return 'the domain has an empty label (two dots in a row)';
    if (label.length > MAX_LABEL) return `the domain label "${label}" is longer than ${MAX_LABEL} characters`;
    if (!/^[A-Za-z0-9-]+$/.test(label))
      return `the domain label "${label}" has characters other than letters, digits and hyphens`;
    if (label.startsWith('-') || label.endsWith('-')) return `the domain label "${label}" starts or ends with a hyphen`;
  }
  if (/^[0-9]+$/.test(labels.at(-1)!)) return 'the top-level domain is all digits';
  return undefined;
}

/** A display name: a phrase of atoms and quoted strings (RFC 5322 3.2.5). */
function parseDisplayName(raw: string): Parsed<string | undefined> {
  if (!raw) return { ok: true, value: undefined };
  if (raw.startsWith('"')) {
    if (!raw.endsWith('"') || raw.length < 2) return bad('the display name has an unterminated quote');
    const inner = raw.slice(1, -1);
    // Inside quotes any character goes except a bare `"` or a trailing lone backslash.
    if (/(^|[^\\])"/.test(inner) || /(^|[^\\])(\\\\)*\\$/.test(inner))
      return bad('the display name has an unescaped quote inside the quotes');
    return { ok: true, value: inner.replace(/\\(.)/g, '$1') };
  }
  if (raw.includes('"')) return bad('the display name mixes quoted and unquoted text');
  const special = SPECIALS.exec(raw);
  if (special) return bad(`the display name has ${JSON.stringify(special[0])}, which is allowed only inside quotes`);
  if (/\p{Cc}/u.test(raw)) return bad('the display name has control characters');
  return { ok: true, value: raw.replace(/\s+/g, ' ') };
}

function bad<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}
