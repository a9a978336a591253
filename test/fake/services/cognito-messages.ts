// The Cognito operations that send a code or an invitation: SignUp, ResendConfirmationCode,
// ConfirmSignUp, GetUserAttributeVerificationCode and AdminCreateUser (new user, RESEND, SUPPRESS),
// with Cognito's rules for whether and where a message goes and its error texts. Every message sent is
// appended to the pool's `sent` list, so a test sees what reached whom.

import { createHmac } from 'node:crypto';
import { AwsFault } from '../protocols.js';
import type { FakeRequest, Handler } from '../service.js';
import { subFor, worldDate, type PoolWorld, type UserWorld } from '../world.js';
import { findUser, passwordProblem, poolOf, userRecord } from './cognito.js';

/** A message the fake sent: what a test can assert on. */
export interface SentMessage {
  operation: string;
  medium: 'EMAIL' | 'SMS';
  destination: string;
  at: string;
}

/** The code a user was last sent (a world may give one, `issued` relative: `now-2d`); only the latest works. */
interface CodeWorld {
  value: string;
  issued: string;
  attribute: string;
}

const CODE_LIFETIME_MS = 24 * 3_600_000;
/** ResendConfirmationCode and GetUserAttributeVerificationCode: 5 a user an hour. */
const CODES_PER_HOUR = 5;
const ATTRIBUTE = { EMAIL: 'email', SMS: 'phone_number' } as const;

type UserWithCode = UserWorld & { code?: CodeWorld; codesSent?: string[] };

/**
 * The pool of an app client, as public (client-id) operations find it. They are unsigned, so the request
 * names no Region for the fake to check (on AWS the endpoint is the Region).
 */
function poolOfClient(req: FakeRequest, clientId: string): [string, PoolWorld, Record<string, unknown>] {
  for (const [id, pool] of Object.entries(req.world.pools ?? {})) {
    const client = pool.clients?.[clientId];
    if (client) return [id, pool, client];
  }
  throw new AwsFault('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
}

/** A client with a secret needs SECRET_HASH over the real username and the client id. */
function checkSecretHash(client: Record<string, unknown>, clientId: string, username: string, hash?: string) {
  const secret = client.ClientSecret as string | undefined;
  if (!secret) return;
  const expected = createHmac('sha256', secret).update(`${username}${clientId}`).digest('base64');
  if (hash !== expected)
    throw new AwsFault('NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`);
}

function mask(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***@${value[at + 1]}***`;
  return `+${'*'.repeat(value.length - 5)}${value.slice(-4)}`;
}

function checkPhone(attributes: Record<string, string>): void {
  const phone = attributes.phone_number;
  if (phone !== undefined && !/^\+\d{6,15}$/.test(phone)) {
    throw new AwsFault('InvalidParameterException', 'Invalid phone number format.');
  }
}

/** Send a code (or invitation) to one of the user's attributes, and record it. */
function send(
  req: FakeRequest,
  pool: PoolWorld,
  u: UserWithCode,
  operation: string,
  attribute: 'email' | 'phone_number',
) {
  const destination = u.attributes![attribute]!;
  const medium = attribute === 'email' ? 'EMAIL' : 'SMS';
  const at = req.now.toISOString();
  u.code = { value: String(100000 + (req.now.getTime() % 900000)), issued: at, attribute };
  u.codesSent = [...(u.codesSent ?? []), at];
  const sent = (pool.sent as SentMessage[] | undefined) ?? [];
  pool.sent = [...sent, { operation, medium, destination, at }];
  return { Destination: mask(destination), DeliveryMedium: medium, AttributeName: attribute };
}

/** The attribute a sign-up code goes to: the phone when auto-verified and present, else the e-mail. */
function signUpAttribute(pool: PoolWorld, u: UserWorld): 'email' | 'phone_number' | undefined {
  const auto = (pool.pool.AutoVerifiedAttributes as string[] | undefined) ?? [];
  return (['phone_number', 'email'] as const).find((n) => auto.includes(n) && u.attributes?.[n]);
}

/** At most five codes a user an hour, counting this one. */
function checkRate(req: FakeRequest, u: UserWithCode): void {
  const hourAgo = req.now.getTime() - 3_600_000;
  if ((u.codesSent ?? []).filter((t) => Date.parse(t) > hourAgo).length >= CODES_PER_HOUR) {
    throw new AwsFault('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
  }
}

/** The user a public call names, found as Cognito finds it, once its SECRET_HASH is checked. */
function publicUser(
  req: FakeRequest,
  input: { ClientId: string; Username: string; SecretHash?: string },
): [PoolWorld, UserWithCode] {
  const [poolId, pool, client] = poolOfClient(req, input.ClientId);
  const found = findUser(pool, poolId, input.Username);
  if (!found) throw new AwsFault('UserNotFoundException', 'Username/client id combination not found.');
  checkSecretHash(client, input.ClientId, found[0], input.SecretHash);
  return [pool, found[1]];
}

const toRecord = (list: { Name: string; Value: string }[] | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.Name, a.Value]));

export const messageOperations: Record<string, Handler> = {
  SignUp(
    input: {
      ClientId: string;
      Username: string;
      Password: string;
      SecretHash?: string;
      UserAttributes?: { Name: string; Value: string }[];
    },
    req,
  ) {
    const [poolId, pool, client] = poolOfClient(req, input.ClientId);
    checkSecretHash(client, input.ClientId, input.Username, input.SecretHash);
    if (findUser(pool, poolId, input.Username)) throw new AwsFault('UsernameExistsException', 'User already exists');
    const problem = passwordProblem(pool, input.Password);
    if (problem) throw new AwsFault('InvalidPasswordException', `Password did not conform with policy: ${problem}`);
    const attributes = toRecord(input.UserAttributes);
    checkPhone(attributes);
    const u: UserWithCode = { status: 'UNCONFIRMED', attributes, created: req.now.toISOString() };
    pool.users = { ...pool.users, [input.Username]: u };
    const attribute = signUpAttribute(pool, u);
    return {
      UserConfirmed: false,
      UserSub: subFor(poolId, input.Username),
      ...(attribute ? { CodeDeliveryDetails: send(req, pool, u, 'SignUp', attribute) } : {}),
    };
  },

  ResendConfirmationCode(input: { ClientId: string; Username: string; SecretHash?: string }, req) {
    const [pool, u] = publicUser(req, input);
    if ((u.status ?? 'CONFIRMED') !== 'UNCONFIRMED') {
      throw new AwsFault('InvalidParameterException', 'User is already confirmed.');
    }
    if (!((pool.pool.AutoVerifiedAttributes as string[] | undefined) ?? []).length) {
      throw new AwsFault('NotAuthorizedException', 'Cannot resend codes. Auto verification not turned on.');
    }
    checkRate(req, u);
    const attribute = signUpAttribute(pool, u);
    return attribute ? { CodeDeliveryDetails: send(req, pool, u, 'ResendConfirmationCode', attribute) } : {};
  },

  ConfirmSignUp(input: { ClientId: string; Username: string; ConfirmationCode: string; SecretHash?: string }, req) {
    const [, u] = publicUser(req, input);
    if ((u.status ?? 'CONFIRMED') !== 'UNCONFIRMED') {
      throw new AwsFault('NotAuthorizedException', 'User cannot confirm because user status is not UNCONFIRMED.');
    }
    if (!u.code || u.code.value !== input.ConfirmationCode) {
      throw new AwsFault('CodeMismatchException', 'Invalid verification code provided, please try again.');
    }
    if (req.now.getTime() - Date.parse(worldDate(u.code.issued, req.now)!) > CODE_LIFETIME_MS) {
      throw new AwsFault('ExpiredCodeException', 'Invalid code provided, please request a code again.');
    }
    u.status = 'CONFIRMED';
    u.attributes = { ...u.attributes, [`${u.code.attribute}_verified`]: 'true' };
    u.modified = req.now.toISOString();
    delete u.code;
    return {};
  },

  /** Access tokens of the fake: `fake-access-token.<pool id>.<username>`. */
  GetUserAttributeVerificationCode(input: { AccessToken: string; AttributeName: string }, req) {
    const [, poolId, username] = /^fake-access-token\.([\w-]+_\w+)\.(.+)$/.exec(input.AccessToken) ?? [];
    const pool = poolId ? req.world.pools?.[poolId] : undefined;
    const u = pool && username ? pool.users?.[username] : undefined;
    if (!pool || !u) throw new AwsFault('NotAuthorizedException', 'Access Token has been revoked');
    if ((u.status ?? 'CONFIRMED') === 'UNCONFIRMED')
      throw new AwsFault('UserNotConfirmedException', 'User is not confirmed.');
    const name = input.AttributeName;
    if ((name !== 'email' && name !== 'phone_number') || !u.attributes?.[name]) {
      throw new AwsFault('InvalidParameterException', `Invalid attribute name: ${name}`);
    }
    checkRate(req, u);
    return { CodeDeliveryDetails: send(req, pool, u, 'GetUserAttributeVerificationCode', name) };
  },

  AdminCreateUser(
    input: {
      UserPoolId: string;
      Username: string;
      MessageAction?: 'RESEND' | 'SUPPRESS';
      DesiredDeliveryMediums?: ('EMAIL' | 'SMS')[];
      UserAttributes?: { Name: string; Value: string }[];
    },
    req,
  ) {
    const pool = poolOf(req, input.UserPoolId);
    const found = findUser(pool, input.UserPoolId, input.Username);
    let username: string;
    let u: UserWithCode;
    if (input.MessageAction === 'RESEND') {
      if (!found) throw new AwsFault('UserNotFoundException', 'User does not exist.');
      [username, u] = found;
      if ((u.status ?? 'CONFIRMED') !== 'FORCE_CHANGE_PASSWORD') {
        throw new AwsFault(
          'UnsupportedUserStateException',
          `Resend not possible. ${username} status is not FORCE_CHANGE_PASSWORD.`,
        );
      }
    } else {
      if (found) throw new AwsFault('UsernameExistsException', 'User account already exists');
      const attributes = toRecord(input.UserAttributes);
      checkPhone(attributes);
      username = input.Username;
      u = { status: 'FORCE_CHANGE_PASSWORD', attributes, created: req.now.toISOString() };
      pool.users = { ...pool.users, [username]: u };
    }
    // A new temporary password with a fresh validity period; the creation date stays.
    u.modified = req.now.toISOString();
    if (input.MessageAction !== 'SUPPRESS') {
      // SMS when the request names no medium; each medium goes to its attribute, when the user has it.
      for (const medium of input.DesiredDeliveryMediums ?? ['SMS']) {
        if (u.attributes?.[ATTRIBUTE[medium]]) send(req, pool, u, 'AdminCreateUser', ATTRIBUTE[medium]);
      }
    }
    return { User: userRecord(req, input.UserPoolId, username, u) };
  },
};
