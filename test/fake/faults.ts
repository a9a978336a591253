// Transport and pagination faults of the fake endpoint: what a stalled, dropped, garbled or looping
// AWS answer looks like on the wire. AWS error faults (throttle, access-denied …) are in server.ts.

import type { ServerResponse } from 'node:http';
import type { WireContext } from './protocols.js';
import type { FaultKind } from './world.js';

/** Faults answered here instead of by the operation's handler. */
export const TRANSPORT_FAULTS = ['stall', 'trickle', 'close', 'garbage'] as const;
type TransportFault = (typeof TRANSPORT_FAULTS)[number];

export function isTransportFault(kind: FaultKind): kind is TransportFault {
  return (TRANSPORT_FAULTS as readonly string[]).includes(kind);
}

function contentType(wire: WireContext): string {
  if (wire.protocol === 'query') return 'text/xml';
  if (wire.protocol === 'rest-json') return 'application/json';
  return `application/x-amz-json-${wire.protocol === 'json1.1' ? '1.1' : '1.0'}`;
}

/** Answer (or not) the way the fault says. A stalled or trickling response ends when the server closes. */
export function sendTransportFault(res: ServerResponse, wire: WireContext, kind: TransportFault): void {
  switch (kind) {
    case 'stall':
      return; // connection accepted, request read, nothing ever sent
    case 'trickle': {
      res.writeHead(200, { 'content-type': contentType(wire), 'content-length': '1000000' });
      // One byte now and then: the socket is never idle long, and the body never ends.
      const timer = setInterval(() => res.write(' '), 50);
      res.once('close', () => {
        clearInterval(timer);
      });
      return;
    }
    case 'close':
      res.writeHead(200, { 'content-type': contentType(wire), 'content-length': '4096' });
      res.write(wire.protocol === 'query' ? `<${wire.operation}Response><${wire.operation}Result>` : '{"');
      res.socket?.destroy();
      return;
    case 'garbage':
      res.writeHead(200, { 'content-type': contentType(wire) });
      res.end('\u0000\u001b[2J}{ not a response ]]>\u00ff');
  }
}

/** How each paginated read the tool makes names its page token and its items. */
interface Paging {
  token: string;
  items: string;
  /** IAM sets IsTruncated beside its Marker. */
  truncatedFlag?: string;
}

export const PAGED: Record<string, Paging> = {
  'cognito-idp:ListUsers': { token: 'PaginationToken', items: 'Users' },
  'logs:FilterLogEvents': { token: 'nextToken', items: 'events' },
  'cloudtrail:LookupEvents': { token: 'NextToken', items: 'Events' },
  'iam:ListRolePolicies': { token: 'Marker', items: 'PolicyNames', truncatedFlag: 'IsTruncated' },
  'iam:ListAttachedRolePolicies': { token: 'Marker', items: 'AttachedPolicies', truncatedFlag: 'IsTruncated' },
  'sns:ListSMSSandboxPhoneNumbers': { token: 'NextToken', items: 'PhoneNumbers' },
  'sms-voice:DescribeAccountAttributes': { token: 'NextToken', items: 'AccountAttributes' },
  'sms-voice:DescribePhoneNumbers': { token: 'NextToken', items: 'PhoneNumbers' },
};

const FAULT_TOKEN = 'fault-';

/**
 * A pagination fault on one request. `page` set: answer it as is (an empty page). Otherwise call the
 * handler with `input` (the fault's own token removed) and send `finish(output)`.
 */
export function pageFault(
  kind: 'repeat-token' | 'empty-pages',
  action: string,
  input: unknown,
  emptyPages = 3,
): { page?: Record<string, unknown>; input: unknown; finish(output: unknown): unknown } | undefined {
  const paging = PAGED[action];
  if (!paging) return undefined;
  const { [paging.token]: token, ...rest } = input as Record<string, unknown>;
  const ours = typeof token === 'string' && token.startsWith(FAULT_TOKEN);
  const request = ours ? rest : { ...(input as Record<string, unknown>) };
  const withToken = (output: Record<string, unknown>, next: string) => ({
    ...output,
    [paging.token]: next,
    ...(paging.truncatedFlag ? { [paging.truncatedFlag]: true } : {}),
  });
  if (kind === 'repeat-token') {
    return { input: request, finish: (output) => withToken(output as Record<string, unknown>, `${FAULT_TOKEN}again`) };
  }
  const served = ours ? Number(token.slice(`${FAULT_TOKEN}empty-`.length)) : 0;
  if (served < emptyPages) {
    return { page: withToken({ [paging.items]: [] }, `${FAULT_TOKEN}empty-${served + 1}`), input, finish: (o) => o };
  }
  return { input: request, finish: (output) => output };
}
