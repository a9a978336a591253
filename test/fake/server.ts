// A local fake AWS endpoint for every service cognito-doctor reads, on loopback only. It routes a
// request as AWS does: by its X-Amz-Target header (JSON protocols), its form's Version and Action (query
// protocols) or its method and path (REST), takes the Region from the signature, injects the world's faults, and logs requests.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isTransportFault, pageFault, sendTransportFault } from './faults.js';
import { quotaGate } from './quotas.js';
import { AwsFault, decodeQueryForm, sendFault, sendSuccess, type WireContext } from './protocols.js';
import type { FakeRequest, ServiceDef } from './service.js';
import { fakeServices } from './services/index.js';
import { DEFAULT_ACCOUNT, type Fault, type World } from './world.js';

export interface LoggedRequest {
  /** IAM-style `service:Operation`. */
  action: string;
  service: string;
  operation: string;
  region: string;
  input: unknown;
  signed: boolean;
  /** The access key id the request was signed with. */
  accessKey?: string;
  /** The SDK's `amz-sdk-request: attempt=N; max=M`. */
  attempt: number;
  /** performance.now() when the request arrived and when its response was sent (the benchmark's call depth). */
  receivedAt: number;
  completedAt?: number;
  /** Answered with the service's throttling error (a quota or a `throttle` fault). */
  throttled?: true;
}

export interface FakeAws {
  url: string;
  world: World;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

interface Routed {
  service: ServiceDef;
  operation: string;
  input: unknown;
  params: Record<string, string>;
  wire: WireContext;
}

function route(req: IncomingMessage, url: URL, body: string): Routed | undefined {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    const service = fakeServices.find((s) => s.targets?.some((t) => prefix === t || prefix.endsWith(`.${t}`)));
    if (!service) return undefined;
    const operation = target.slice(dot + 1);
    return {
      service,
      operation,
      input: body ? JSON.parse(body) : {},
      params: {},
      wire: { protocol: service.protocol, operation },
    };
  }
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const form = decodeQueryForm(body);
    const service = fakeServices.find((s) => s.queryVersion === form.version);
    if (!service) return undefined;
    return {
      service,
      operation: form.action,
      input: form.input,
      params: {},
      wire: { protocol: 'query', operation: form.action, ...(service.xmlns ? { xmlns: service.xmlns } : {}) },
    };
  }
  for (const service of fakeServices) {
    for (const r of service.routes ?? []) {
      const match = r.method === req.method ? r.path.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      // The input as the SDK saw it: labels and query members too, so two GetFunction calls differ in the log.
      const input = { ...params, ...Object.fromEntries(url.searchParams), ...(body ? JSON.parse(body) : {}) };
      return {
        service,
        operation: r.operation,
        input,
        params,
        wire: { protocol: service.protocol, operation: r.operation },
      };
    }
  }
  return undefined;
}

/** `Credential=AKID/20261121/eu-west-1/sns/aws4_request` → `eu-west-1`. */
function signingRegion(req: IncomingMessage): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
}

/** `Credential=AKID/…` → `AKID`. */
function accessKeyOf(req: IncomingMessage): string | undefined {
  return /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
}

type ErrorFault = 'access-denied' | 'throttle' | '5xx' | 'expired-token';
const FAULTS: Record<ErrorFault, (action: string) => AwsFault> = {
  'access-denied': (action) =>
    new AwsFault(
      'AccessDeniedException',
      `User: arn:aws:iam::${DEFAULT_ACCOUNT}:user/support-engineer is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
      403,
      'AuthorizationError',
    ),
  throttle: () => new AwsFault('ThrottlingException', 'Rate exceeded', 400, 'Throttling'),
  '5xx': () => new AwsFault('InternalErrorException', 'Internal server error', 500, 'InternalFailure'),
  'expired-token': () =>
    new AwsFault('ExpiredTokenException', 'The security token included in the request is expired', 400, 'ExpiredToken'),
};

/** The per-service spelling of an access-denied or throttling error, as each really answers. */
function localise(fault: AwsFault, service: string): AwsFault {
  if (fault.code === 'AccessDeniedException' && service === 'sns') {
    return new AwsFault('AuthorizationErrorException', fault.message, 403, 'AuthorizationError');
  }
  if (fault.code === 'ThrottlingException') {
    if (service === 'cognito-idp') return new AwsFault('TooManyRequestsException', 'Rate exceeded', 400);
    if (service === 'sns') return new AwsFault('ThrottledException', 'Rate exceeded', 400, 'Throttled');
    if (service === 'ses') return new AwsFault('TooManyRequestsException', 'Rate exceeded', 429);
  }
  return fault;
}

function pickFault(
  world: World,
  action: string,
  region: string,
  accessKey: string | undefined,
  input: unknown,
): Fault | undefined {
  const given = (input ?? {}) as Record<string, unknown>;
  const fault = world.faults?.find(
    (f) =>
      (f.operation === action || f.operation === '*') &&
      (!f.region || f.region === region) &&
      (!f.accessKey || f.accessKey === accessKey) &&
      Object.entries(f.input ?? {}).every(([k, v]) => JSON.stringify(given[k]) === JSON.stringify(v)) &&
      f.times !== 0,
  );
  if (fault?.after) {
    fault.after -= 1;
    return undefined;
  }
  if (fault && fault.times !== undefined) fault.times -= 1;
  return fault;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeAws(world: World, options: { port?: number; now?: Date } = {}): Promise<FakeAws> {
  const requests: LoggedRequest[] = [];
  const quotas = quotaGate(world.quotas);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const routed = route(req, url, body);
    if (!routed) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownOperationException' });
      res.end(JSON.stringify({ message: `The fake does not implement ${req.method} ${url.pathname}` }));
      return;
    }
    const region = signingRegion(req) ?? 'us-east-1';
    const action = `${routed.service.name}:${routed.operation}`;
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
    // REST requests carry their identity in the path and query (two GetFunction calls differ only there).
    const labels = { ...routed.params, ...Object.fromEntries(url.searchParams) };
    const logged: LoggedRequest = {
      action,
      service: routed.service.name,
      operation: routed.operation,
      region,
      input: Object.keys(labels).length ? { ...labels, ...(routed.input as object) } : routed.input,
      signed: req.headers.authorization !== undefined,
      ...(accessKeyOf(req) ? { accessKey: accessKeyOf(req)! } : {}),
      attempt,
      receivedAt,
    };
    requests.push(logged);
    res.once('finish', () => (logged.completedAt = performance.now()));
    // A quota counts requests as they arrive; one over it is never served, whatever else the world says.
    const overQuota = quotas.over(action, region);
    const fault = overQuota
      ? ({ operation: action, kind: 'throttle' } as const)
      : pickFault(world, action, region, logged.accessKey, logged.input);
    if (fault?.kind === 'throttle') logged.throttled = true;
    const delay = (world.latencyMs ?? 0) + (fault?.kind === 'latency' ? (fault.ms ?? 0) : 0);
    if (delay) await sleep(delay);
    if (fault?.kind === 'body') {
      // A raw answer, bypassing the protocol: what a proxy or a broken endpoint sends.
      res.writeHead(fault.status ?? 200, { 'content-type': fault.contentType ?? 'application/json' });
      res.end(fault.body ?? '');
      return;
    }
    if (fault && isTransportFault(fault.kind)) {
      sendTransportFault(res, routed.wire, fault.kind);
      return;
    }
    const paging =
      fault?.kind === 'repeat-token' || fault?.kind === 'empty-pages'
        ? pageFault(fault.kind, action, routed.input, fault.pages)
        : undefined;
    if (paging?.page) {
      sendSuccess(res, routed.wire, paging.page);
      return;
    }
    const handler = routed.service.operations[routed.operation];
    try {
      if (fault && fault.kind in FAULTS) {
        throw localise(FAULTS[fault.kind as ErrorFault](action), routed.service.name);
      }
      if (!handler) throw new AwsFault('UnknownOperationException', `The fake does not implement ${action}`, 400);
      const fakeRequest: FakeRequest = {
        region,
        account: world.account ?? DEFAULT_ACCOUNT,
        world,
        now: options.now ?? new Date(),
        params: routed.params,
        query: url.searchParams,
      };
      const output = await handler(paging?.input ?? routed.input, fakeRequest);
      sendSuccess(res, routed.wire, paging ? paging.finish(output) : output);
    } catch (err) {
      const fault =
        err instanceof AwsFault ? err : new AwsFault('InternalErrorException', String(err), 500, 'InternalFailure');
      sendFault(res, routed.wire, fault);
    }
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    world,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
