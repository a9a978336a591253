import type { UserResolution } from './context/index.js';
import { maskDestination } from './domain/channel.js';
import type { Report } from './report.js';

const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const PHONE = /\+\d{7,15}\b/g;

const EMAIL_ONLY = new RegExp(`^${EMAIL.source}$`);
const PHONE_ONLY = /^\+\d{7,15}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function maskName(name: string): string {
  return `${name[0]}***`;
}

/**
 * The report with e-mail addresses, phone numbers and usernames masked in every string, for pasting
 * into tickets. Evidence keys (API field paths) are kept; values and prose are masked.
 */
export function redactReport(report: Report, resolution: UserResolution | undefined): Report {
  // The name the ticket gave too (it may differ in case, or resolve to nobody); e-mail addresses and
  // phone numbers are masked by shape below.
  const usernames = new Set<string>(
    [report.target.input, report.target.username, ...(resolution?.candidates ?? []).map((u) => u.Username)].filter(
      (n): n is string => !!n && n.length > 1 && !EMAIL_ONLY.test(n) && !PHONE_ONLY.test(n),
    ),
  );
  // Longest first, so "jane.doe" is masked before "jane"; any case, as Cognito may match it.
  const names = [...usernames].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const byName = names.length ? new RegExp(`(?<![A-Za-z0-9])(?:${names.join('|')})(?![A-Za-z0-9])`, 'gi') : undefined;
  const mask = (text: string): string => {
    const out = text.replace(EMAIL, (m) => maskDestination(m) ?? m).replace(PHONE, (m) => maskDestination(m) ?? m);
    return byName ? out.replace(byName, maskName) : out;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return mask(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  const redacted = walk(report) as Report;
  // Identifiers of the tool and the pool are not personal data.
  return {
    ...redacted,
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
