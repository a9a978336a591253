// `cognito-doctor secret-hash`: the SECRET_HASH an app client with a secret needs, alone on stdout.
// The secret comes from DescribeUserPoolClient (with a pool) or from the caller's stdin/environment,
// never from the command line, and is never printed.

import { AwsCaller } from '../aws/caller.js';
import { AwsCallError, remedyFor } from '../aws/errors.js';
import { CognitoFacts } from '../context/cognito.js';
import { secretHash } from '../domain/secret-hash.js';
import { secretHashExitCode, type SecretHashOutcome } from '../exit-codes.js';
import { UsageError } from '../options.js';

export interface SecretHashOptions {
  username: string;
  clientId: string;
  userPoolId?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /** --rate: at most this many requests a second (with -p; without it nothing is sent). */
  rate?: number;
}

export interface SecretHashResult {
  /** The hash, for stdout; absent when none could be computed. */
  hash?: string;
  /** Sentences for stderr: why there is no hash, or what to know about the one printed. */
  notes: string[];
  exitCode: number;
}

/** The reads `secret-hash -p` makes (part of iam/diagnose-policy.json). */
export const SECRET_HASH_READS = ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:AdminGetUser'] as const;

/**
 * With a pool, the secret and the real username come from Cognito; without one, `readSecret` supplies
 * the secret (COGNITO_CLIENT_SECRET or standard input) and the username is taken as given.
 */
export async function secretHashCommand(
  options: SecretHashOptions,
  readSecret: () => Promise<string | undefined>,
): Promise<SecretHashResult> {
  if (!options.userPoolId || !options.region) {
    const secret = await readSecret();
    if (!secret) {
      throw new UsageError(
        'secret-hash needs the client secret: pass -p <pool> to read it from Cognito, or give it on standard input or in COGNITO_CLIENT_SECRET (never as an argument).',
      );
    }
    return done('hash', secretHash(secret, options.username, options.clientId), []);
  }
  const aws = new AwsCaller({
    cognitoOnly: true,
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(options.rate ? { rate: options.rate } : {}),
  });
  try {
    const cognito = new CognitoFacts(aws, options.userPoolId, options.region);
    const where = `pool ${options.userPoolId} (${options.region})`;
    const [client, user] = await Promise.all([
      aws
        .call('cognito-idp:DescribeUserPoolClient', options.region, (m) => m.DescribeUserPoolClientCommand, {
          UserPoolId: options.userPoolId,
          ClientId: options.clientId,
        })
        .then((out) => out.UserPoolClient)
        .catch(awsFailure),
      cognito.adminGetUser(options.username).catch(awsFailure),
    ]);
    // "User pool client <id> does not exist." names a missing client; any other failure (a missing
    // pool, credentials, access) means the account could not be read.
    const noClient =
      client instanceof AwsCallError && client.kind === 'not-found' && /^User pool client /.test(client.message);
    if (client instanceof AwsCallError && !noClient)
      return done('setup', undefined, [failure(client, options.profile)]);
    if (client instanceof AwsCallError || !client) {
      return done('no-secret', undefined, [
        `wrong-pool-client-or-region: app client ${options.clientId} does not exist in ${where}.`,
      ]);
    }
    if (!client.ClientSecret) {
      return done('no-secret', undefined, [
        `App client ${client.ClientName ?? options.clientId} has no secret: its requests carry no SECRET_HASH.`,
      ]);
    }
    const notes: string[] = [];
    let username = options.username;
    if (user instanceof AwsCallError) {
      notes.push(`Could not check that "${username}" is a username: ${failure(user, options.profile)}`);
    } else if (!user) {
      notes.push(`No user "${username}" in ${where}: the hash is over the input as given.`);
    } else if (user.Username && user.Username !== username) {
      // AdminGetUser resolved an alias, e-mail, phone number or sub to the user's real username.
      username = user.Username;
      notes.push(
        `secret-hash-wrong-input: "${options.username}" is not the username; it resolves to user "${username}". Cognito checks SECRET_HASH against the Username a request carries ("Unable to verify secret hash for client ${options.clientId}" otherwise): the hash printed is over "${username}", which challenge responses and requests that send the username need; for a request that sends "${options.username}" itself, hash that value (without -p, the secret on standard input).`,
      );
    }
    return done('hash', secretHash(client.ClientSecret, username, options.clientId), notes);
  } finally {
    aws.stop();
  }
}

/** A failed read as a value, so one failure does not hide the other read's answer. */
function awsFailure(err: unknown): AwsCallError {
  if (err instanceof AwsCallError) return err;
  throw err;
}

function failure(error: AwsCallError, profile?: string): string {
  return `${error.action} in ${error.region} failed with ${error.awsCode}: ${error.message} ${remedyFor(error, profile)}`;
}

function done(outcome: SecretHashOutcome, hash: string | undefined, notes: string[]): SecretHashResult {
  return { ...(hash ? { hash } : {}), notes, exitCode: secretHashExitCode(outcome) };
}
