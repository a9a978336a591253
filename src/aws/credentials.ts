// The one credential chain of a run. A failure anywhere in it (no keys, an unknown profile, a role
// whose STS call fails) is a credentials failure, said with the profile and the files it was looked
// up in; with --endpoint-url the chain's own STS and SSO calls go to that endpoint too.

import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

type Provider = (options?: unknown) => Promise<unknown>;

/** Classified as `credentials` (src/aws/errors.ts), whatever failed inside the chain. */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsProviderError';
}

/** The files the SDK reads profiles from (HOME first, as the SDK looks, then the OS's home). */
export function profileFiles(env: Readonly<Record<string, string | undefined>>): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  return [
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
  ];
}

/** Whether `[profile name]` (config) or `[name]` (credentials) is in one of the files. */
export function profileDefined(name: string, files: readonly string[]): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const header = new RegExp(`^\\s*\\[\\s*(?:profile\\s+)?${escaped}\\s*\\]`, 'm');
  return files.some((f) => existsSync(f) && header.test(readFileSync(f, 'utf8')));
}

export function describeFailure(err: unknown, profile: string | undefined, files: readonly string[]): string {
  const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
  if (!profile) return reason;
  const where = files.map((f) => (existsSync(f) ? f : `${f} (missing)`)).join(' and ');
  return profileDefined(profile, files)
    ? `profile "${profile}" (from ${where}) gave no credentials: ${reason}`
    : `profile "${profile}" is not defined in ${where}`;
}

/**
 * Says nothing. Given with --profile: the SDK would otherwise print a warning of several lines (naming
 * AWS_PROFILE, which the user did not set) when keys are also in the environment. An explicit --profile
 * wins over them, as it does for the aws CLI.
 */
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export function credentialChain(settings: { profile?: string; endpointUrl?: string }): Provider {
  const chain = defaultProvider({
    ...(settings.profile ? { profile: settings.profile, logger: quiet } : {}),
    // A role profile's AssumeRole (and SSO's calls) must not leave for a real AWS address.
    ...(settings.endpointUrl ? { clientConfig: { endpoint: settings.endpointUrl } } : {}),
  }) as Provider;
  return async (options) => {
    try {
      return await chain(options);
    } catch (err) {
      throw new CredentialsError(describeFailure(err, settings.profile, profileFiles(process.env)));
    }
  };
}
