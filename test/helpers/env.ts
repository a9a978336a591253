// The environment of a test run of the CLI, in a file of its own so scripts (demo, bench) can use it
// without bundling the CLI's sources.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An environment with nothing of the developer's: no profile, no real endpoint, no IMDS. */
export function testEnv(endpoint?: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'SYSTEMROOT', 'TMPDIR'];
  const env: Record<string, string> = Object.fromEntries(
    keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]),
  );
  return {
    ...env,
    HOME: mkdtempSync(join(tmpdir(), 'cognito-doctor-home-')),
    AWS_ACCESS_KEY_ID: 'AKIDTESTFAKE',
    AWS_SECRET_ACCESS_KEY: 'test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NO_COLOR: '1',
    ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : {}),
    ...extra,
  };
}
