// Wire codecs of the fake endpoint: what the real SDK sends and accepts for each AWS protocol
// (JSON 1.0 and 1.1, JSON 1.0 with query-compatible error codes, query with XML answers, REST-JSON).
// Handlers work on plain JS values; this file does the bytes.

import type { ServerResponse } from 'node:http';

export type Protocol = 'json1.0' | 'json1.1' | 'json1.0-query' | 'query' | 'rest-json';

/** An AWS error a handler throws; the protocol decides how it goes on the wire. */
export class AwsFault extends Error {
  constructor(
    /** The modelled shape name, e.g. `UserNotFoundException`. */
    readonly code: string,
    message: string,
    readonly status = 400,
    /** awsQuery's wire code when it differs from the shape name (`InvalidParameter`). */
    readonly queryCode?: string,
  ) {
    super(message);
  }
}

/** Marks an object as an awsQuery map (`<entry><key/><value/></entry>`) rather than a structure. */
export const XML_MAP = Symbol('xml-map');
export function xmlMap(record: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null), record, { [XML_MAP]: true });
}

let requestCounter = 0;
export function requestId(): string {
  requestCounter += 1;
  return `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    const record = value as Record<string | symbol, unknown>;
    if (record[XML_MAP]) {
      return Object.entries(record)
        .map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${toXml(v)}</value></entry>`)
        .join('');
    }
    return Object.entries(record)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * An awsQuery form body as the JSON input shape: `a.member.1=x` → `a: ['x']`,
 * `a.entry.1.key=k&a.entry.1.value=v` → `a: {k: v}`, `a.b=c` → `a: {b: 'c'}`.
 */
export function decodeQueryForm(body: string): { action: string; version: string; input: Record<string, unknown> } {
  const params = new URLSearchParams(body);
  const tree: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    const parts = key.split('.');
    let node = tree;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const normalise = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const record = node as Record<string, unknown>;
    if ('member' in record) {
      const members = record.member as Record<string, unknown>;
      return Object.keys(members)
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => normalise(members[k]));
    }
    if ('entry' in record) {
      const entries = record.entry as Record<string, { key: string; value: unknown }>;
      return Object.fromEntries(Object.values(entries).map((e) => [e.key, normalise(e.value)]));
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, normalise(v)]));
  };
  return {
    action: params.get('Action') ?? '',
    version: params.get('Version') ?? '',
    input: normalise(tree) as Record<string, unknown>,
  };
}

export interface WireContext {
  protocol: Protocol;
  operation: string;
  /** The awsQuery XML namespace (SNS, STS, IAM, CloudWatch). */
  xmlns?: string;
}

/** Timestamps go out as epoch seconds in JSON protocols, ISO 8601 in XML. */
function jsonReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) {
    return Date.parse(value) / 1000;
  }
  return value;
}

export function sendSuccess(res: ServerResponse, wire: WireContext, output: unknown): void {
  const id = requestId();
  if (wire.protocol === 'query') {
    const op = wire.operation;
    const body = `<${op}Response xmlns="${wire.xmlns}"><${op}Result>${toXml(output)}</${op}Result><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${op}Response>`;
    res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': id });
    res.end(body);
    return;
  }
  const contentType =
    wire.protocol === 'rest-json'
      ? 'application/json'
      : `application/x-amz-json-${wire.protocol === 'json1.1' ? '1.1' : '1.0'}`;
  res.writeHead(200, { 'content-type': contentType, 'x-amzn-requestid': id });
  res.end(JSON.stringify(output ?? {}, jsonReplacer));
}

export function sendFault(res: ServerResponse, wire: WireContext, fault: AwsFault): void {
  const id = requestId();
  if (wire.protocol === 'query') {
    const type = fault.status >= 500 ? 'Receiver' : 'Sender';
    const body = `<ErrorResponse xmlns="${wire.xmlns}"><Error><Type>${type}</Type><Code>${escapeXml(fault.queryCode ?? fault.code)}</Code><Message>${escapeXml(fault.message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`;
    res.writeHead(fault.status, { 'content-type': 'text/xml', 'x-amzn-requestid': id });
    res.end(body);
    return;
  }
  if (wire.protocol === 'rest-json') {
    res.writeHead(fault.status, {
      'content-type': 'application/json',
      'x-amzn-requestid': id,
      'x-amzn-errortype': fault.code,
    });
    res.end(JSON.stringify({ message: fault.message }));
    return;
  }
  const headers: Record<string, string> = {
    'content-type': `application/x-amz-json-${wire.protocol === 'json1.1' ? '1.1' : '1.0'}`,
    'x-amzn-requestid': id,
  };
  if (wire.protocol === 'json1.0-query') {
    headers['x-amzn-query-error'] = `${fault.queryCode ?? fault.code};${fault.status >= 500 ? 'Receiver' : 'Sender'}`;
  }
  res.writeHead(fault.status, headers);
  res.end(JSON.stringify({ __type: fault.code, message: fault.message }));
}
