import type { Protocol } from './protocols.js';
import type { World } from './world.js';

export interface FakeRequest {
  /** From the SigV4 credential scope. */
  region: string;
  account: string;
  world: World;
  now: Date;
  /** Labels of a REST route (`FunctionName` …), URI-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inputs are decoded wire JSON
export type Handler = (input: any, req: FakeRequest) => unknown;

export interface RestRoute {
  method: string;
  /** Named groups become `params`. */
  path: RegExp;
  operation: string;
}

/** One AWS service as the fake speaks it. */
export interface ServiceDef {
  /** The IAM prefix, also the request log's service name. */
  name: string;
  protocol: Protocol;
  /** JSON protocols: the X-Amz-Target prefixes before `.<Operation>`. */
  targets?: string[];
  /** awsQuery: the API version sent as `Version=`, and the response namespace. */
  queryVersion?: string;
  xmlns?: string;
  /** restJson1: the routes. */
  routes?: RestRoute[];
  operations: Record<string, Handler>;
}

/** The Region's slice of a per-Region world section, created on first write. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the section's shape
export function regional<T extends object>(world: World, service: string, region: string): T {
  const section = ((world[service] as Record<string, T> | undefined) ??= {});
  return (section[region] ??= {} as T);
}
