// CloudWatch Logs (awsJson1_1, `Logs_20140328.<Op>`): FilterLogEvents over the world's log groups, with
// the filter-pattern forms the tool sends. World: `logs.<region>.groups["<name>"].events[]`.

import { AwsFault } from '../protocols.js';
import { regional, type FakeRequest, type ServiceDef } from '../service.js';
import { worldDate } from '../world.js';

export interface LogEventWorld {
  /** ISO date or relative (`now-2h`). */
  timestamp: string;
  /** The line; an object is written as one line of JSON, as Cognito and SNS write theirs. */
  message: string | Record<string, unknown>;
  logStreamName?: string;
}

export interface LogsWorld {
  groups?: Record<string, { events?: LogEventWorld[] }>;
}

const MAX_LIMIT = 10_000;
/** `startFromHead: false` is refused for windows that start before 2024 (FilterLogEvents reference). */
const NEWEST_FIRST_SINCE = Date.UTC(2024, 0, 1);

const invalid = (message: string) => new AwsFault('InvalidParameterException', message);

/** `arn:aws:logs:<region>:<account>:log-group:<name>[:*]` or a plain name → the name. */
function groupName(identifier: string): string {
  const arn = /^arn:[\w-]+:logs:[\w-]+:\d*:log-group:(.+?)(?::\*)?$/.exec(identifier);
  return arn ? arn[1]! : identifier;
}

// ---- Filter patterns (FilterAndPatternSyntax): the subset cognito-doctor sends, and loud on the rest.

type Matcher = (message: string) => boolean;

function unquote(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;
}

/** Terms: `a b` (all), `?a ?b` (any), `-a` (none); quoted terms keep spaces and symbols literally. */
function termMatcher(pattern: string): Matcher {
  const tokens = pattern.match(/[?-]?(?:"(?:[^"\\]|\\.)*"|[^\s"]+)/g) ?? [];
  if (tokens.join(' ').replace(/\s/g, '') !== pattern.replace(/\s/g, '')) throw invalid('Invalid filter pattern');
  const any = tokens.filter((t) => t.startsWith('?')).map((t) => unquote(t.slice(1)));
  const none = tokens.filter((t) => t.startsWith('-')).map((t) => unquote(t.slice(1)));
  const all = tokens.filter((t) => !t.startsWith('?') && !t.startsWith('-')).map(unquote);
  if (any.length && (all.length || none.length)) throw invalid('Invalid filter pattern: cannot mix ? terms');
  return (message) =>
    any.length
      ? any.some((t) => message.includes(t))
      : all.every((t) => message.includes(t)) && !none.some((t) => message.includes(t));
}

function jsonPath(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** `{ $.a.b = "x" && $.c != 3 || … }`: equality on strings (with `*` wildcards) and numbers. */
function jsonMatcher(body: string): Matcher {
  const alternatives = body.split('||').map((alt) =>
    alt.split('&&').map((cond) => {
      const m = /^\s*\$\.([\w.]+)\s*(!?=)\s*("(?:[^"\\]|\\.)*"|-?[\d.]+|[\w*]+)\s*$/.exec(cond);
      if (!m) throw invalid(`Invalid filter pattern: ${cond.trim()}`);
      const [, path, op, raw] = m;
      const expected = raw!.startsWith('"') ? unquote(raw!) : raw!;
      const wildcard = new RegExp(`^${expected.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      return (doc: unknown) => {
        const actual = jsonPath(doc, path!);
        const equal =
          actual !== undefined &&
          actual !== null &&
          wildcard.test(typeof actual === 'string' ? actual : JSON.stringify(actual));
        return op === '=' ? equal : !equal;
      };
    }),
  );
  return (message) => {
    let doc: unknown;
    try {
      doc = JSON.parse(message);
    } catch {
      return false;
    }
    return alternatives.some((conds) => conds.every((c) => c(doc)));
  };
}

export function filterPatternMatcher(pattern: string | undefined): Matcher {
  const p = (pattern ?? '').trim();
  if (!p) return () => true;
  if (p.startsWith('{')) {
    if (!p.endsWith('}')) throw invalid('Invalid filter pattern');
    return jsonMatcher(p.slice(1, -1));
  }
  if (p.startsWith('[') || p.startsWith('%')) throw invalid('The fake does not support this filter pattern form');
  return termMatcher(p);
}

// ---- Operations

interface FilterInput {
  logGroupName?: string;
  logGroupIdentifier?: string;
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  limit?: number;
  nextToken?: string;
  startFromHead?: boolean;
}

function filterLogEvents(input: FilterInput, req: FakeRequest) {
  if (Boolean(input.logGroupName) === Boolean(input.logGroupIdentifier)) {
    throw invalid('You must include either logGroupIdentifier or logGroupName, but not both.');
  }
  const limit = input.limit ?? MAX_LIMIT;
  if (limit < 1 || limit > MAX_LIMIT) throw invalid(`limit must be between 1 and ${MAX_LIMIT}`);
  const newestFirst = input.startFromHead === false;
  if (newestFirst && (input.startTime ?? 0) < NEWEST_FIRST_SINCE) {
    throw invalid('startFromHead false requires a startTime on or after January 1, 2024');
  }
  const name = groupName(input.logGroupName ?? input.logGroupIdentifier!);
  const group = regional<LogsWorld>(req.world, 'logs', req.region).groups?.[name];
  if (!group) throw new AwsFault('ResourceNotFoundException', 'The specified log group does not exist.');
  const matches = filterPatternMatcher(input.filterPattern);
  const events = (group.events ?? [])
    .map((e, i) => {
      const timestamp = Date.parse(worldDate(e.timestamp, req.now)!);
      const message = typeof e.message === 'string' ? e.message : JSON.stringify(e.message);
      return {
        logStreamName: e.logStreamName ?? 'stream-1',
        timestamp,
        message,
        ingestionTime: timestamp + 1000,
        eventId: `${String(timestamp).padStart(20, '0')}${String(i).padStart(36, '0')}`,
      };
    })
    .filter(
      (e) =>
        (input.startTime === undefined || e.timestamp >= input.startTime) && e.timestamp <= (input.endTime ?? Infinity),
    )
    .filter((e) => matches(e.message))
    .sort((a, b) => (newestFirst ? b.timestamp - a.timestamp : a.timestamp - b.timestamp));
  const start = Number(input.nextToken ?? 0);
  return {
    events: events.slice(start, start + limit),
    searchedLogStreams: [],
    ...(start + limit < events.length ? { nextToken: String(start + limit) } : {}),
  };
}

export const logs: ServiceDef = {
  name: 'logs',
  protocol: 'json1.1',
  targets: ['Logs_20140328'],
  operations: { FilterLogEvents: filterLogEvents },
};
