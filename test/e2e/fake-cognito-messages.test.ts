// The test endpoint's message operations through the real SDK: Cognito's rules for whether and where a
// code or invitation goes, and its error texts, so worlds and --fix runs behave as AWS does.

import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  GetUserAttributeVerificationCodeCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { secretHash } from '../../src/domain/secret-hash.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import type { SentMessage } from '../fake/services/cognito-messages.js';
import { resolveWorld, WORLDS_DIR, type World } from '../fake/world.js';

const POOL = 'eu-west-1_AbC123';
const CLIENT = '1example23456789';

async function withCognito(
  patch: World,
  body: (c: CognitoIdentityProviderClient, fake: FakeAws) => Promise<void>,
): Promise<void> {
  const fake = await startFakeAws(resolveWorld({ extends: 'base', ...patch }, WORLDS_DIR));
  const client = new CognitoIdentityProviderClient({
    region: 'eu-west-1',
    endpoint: fake.url,
    credentials: { accessKeyId: 'AKIDTESTFAKE', secretAccessKey: 'test-secret' },
    maxAttempts: 1,
  });
  try {
    await body(client, fake);
  } finally {
    client.destroy();
    await fake.close();
  }
}

const pool = (p: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): World => ({
  pools: { [POOL]: { pool: p, ...extra } },
});
const sent = (fake: FakeAws) => (fake.world.pools![POOL]!.sent as SentMessage[] | undefined) ?? [];
const error = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => {
      const { name, message } = e as { name: string; message: string };
      return { name, message };
    },
  );
const signUp = (username: string, attributes: Record<string, string>, extra: Record<string, string> = {}) =>
  new SignUpCommand({
    ClientId: CLIENT,
    Username: username,
    Password: 'Correct-Horse-9',
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    ...extra,
  });

describe.concurrent('fake Cognito: codes and invitations', () => {
  it('SignUp sends the code to the auto-verified e-mail, masked, and refuses a taken username', async () => {
    await withCognito(pool(), async (c, fake) => {
      const out = await c.send(signUp('sam', { email: 'sam@example.com' }));
      expect(out.UserConfirmed).toBe(false);
      expect(out.CodeDeliveryDetails).toEqual({
        Destination: 's***@e***',
        DeliveryMedium: 'EMAIL',
        AttributeName: 'email',
      });
      expect(sent(fake)).toMatchObject([{ operation: 'SignUp', medium: 'EMAIL', destination: 'sam@example.com' }]);
      expect(await error(c.send(signUp('sam', { email: 'sam@example.com' })))).toEqual({
        name: 'UsernameExistsException',
        message: 'User already exists',
      });
    });
  });

  it('SignUp with both contacts auto-verified sends by SMS; with none, nothing, and resend is refused', async () => {
    await withCognito(pool({ AutoVerifiedAttributes: ['email', 'phone_number'] }), async (c) => {
      const out = await c.send(signUp('sam', { email: 'sam@example.com', phone_number: '+447400123777' }));
      expect(out.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    });
    await withCognito(pool({ AutoVerifiedAttributes: [] }), async (c, fake) => {
      const out = await c.send(signUp('sam', { email: 'sam@example.com' }));
      expect(out.CodeDeliveryDetails).toBeUndefined();
      expect(sent(fake)).toEqual([]);
      expect(await error(c.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT, Username: 'sam' })))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Cannot resend codes. Auto verification not turned on.',
      });
    });
  });

  it('a client with a secret needs SECRET_HASH over the real username', async () => {
    const secret = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmn';
    await withCognito(pool({}, { clients: { [CLIENT]: { ClientSecret: secret } } }), async (c) => {
      expect(await error(c.send(signUp('sam', { email: 'sam@example.com' })))).toEqual({
        name: 'NotAuthorizedException',
        message: `Unable to verify secret hash for client ${CLIENT}`,
      });
      await c.send(signUp('sam', { email: 'sam@example.com' }, { SecretHash: secretHash(secret, 'sam', CLIENT) }));
      const resend = (SecretHash: string) =>
        c.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT, Username: 'sam', SecretHash }));
      expect((await error(resend(secretHash(secret, 'sam@example.com', CLIENT))))?.name).toBe('NotAuthorizedException');
      expect((await resend(secretHash(secret, 'sam', CLIENT))).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    });
  });

  it('ConfirmSignUp takes only the latest code, verifies its attribute, and only once', async () => {
    await withCognito(pool(), async (c, fake) => {
      await c.send(signUp('sam', { email: 'sam@example.com' }));
      const confirm = (code: string) =>
        c.send(new ConfirmSignUpCommand({ ClientId: CLIENT, Username: 'sam', ConfirmationCode: code }));
      expect(await error(confirm('000000'))).toEqual({
        name: 'CodeMismatchException',
        message: 'Invalid verification code provided, please try again.',
      });
      const user = fake.world.pools![POOL]!.users!.sam as { code: { value: string } };
      await confirm(user.code.value);
      expect(fake.world.pools![POOL]!.users!.sam).toMatchObject({
        status: 'CONFIRMED',
        attributes: { email_verified: 'true' },
      });
      expect(await error(confirm('123456'))).toEqual({
        name: 'NotAuthorizedException',
        message: 'User cannot confirm because user status is not UNCONFIRMED.',
      });
      expect(await error(c.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT, Username: 'sam' })))).toEqual({
        name: 'InvalidParameterException',
        message: 'User is already confirmed.',
      });
    });
  });

  it('a code older than 24 hours has expired', async () => {
    const users = {
      sam: {
        status: 'UNCONFIRMED',
        attributes: { email: 'sam@example.com' },
        code: { value: '424242', issued: 'now-25h', attribute: 'email' },
      },
    };
    await withCognito(pool({}, { users }), async (c) => {
      const out = c.send(new ConfirmSignUpCommand({ ClientId: CLIENT, Username: 'sam', ConfirmationCode: '424242' }));
      expect(await error(out)).toEqual({
        name: 'ExpiredCodeException',
        message: 'Invalid code provided, please request a code again.',
      });
    });
  });

  it('ResendConfirmationCode stops at five codes an hour; an unknown user is not found', async () => {
    await withCognito(pool(), async (c) => {
      await c.send(signUp('sam', { email: 'sam@example.com' }));
      const resend = () => c.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT, Username: 'sam' }));
      for (let i = 0; i < 4; i++) await resend();
      expect(await error(resend())).toEqual({
        name: 'LimitExceededException',
        message: 'Attempt limit exceeded, please try after some time.',
      });
      expect(await error(c.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT, Username: 'nobody' })))).toEqual({
        name: 'UserNotFoundException',
        message: 'Username/client id combination not found.',
      });
    });
  });

  it('GetUserAttributeVerificationCode sends to the attribute itself, never for an unconfirmed user', async () => {
    const users = { sam: { status: 'UNCONFIRMED', attributes: { email: 'sam@example.com' } } };
    await withCognito(pool({}, { users }), async (c, fake) => {
      const code = (user: string, AttributeName: string) =>
        c.send(
          new GetUserAttributeVerificationCodeCommand({
            AccessToken: `fake-access-token.${POOL}.${user}`,
            AttributeName,
          }),
        );
      const out = await code('jane', 'phone_number');
      expect(out.CodeDeliveryDetails).toEqual({
        Destination: '+********3456',
        DeliveryMedium: 'SMS',
        AttributeName: 'phone_number',
      });
      expect(sent(fake)).toMatchObject([
        { operation: 'GetUserAttributeVerificationCode', destination: '+447400123456' },
      ]);
      expect(await error(code('sam', 'email'))).toEqual({
        name: 'UserNotConfirmedException',
        message: 'User is not confirmed.',
      });
      expect((await error(code('nobody', 'email')))?.name).toBe('NotAuthorizedException');
    });
  });

  it('AdminCreateUser: SMS when no medium is named, nothing with SUPPRESS, RESEND only in FORCE_CHANGE_PASSWORD', async () => {
    await withCognito(pool(), async (c, fake) => {
      const create = (Username: string, attributes: Record<string, string>, extra: object = {}) =>
        c.send(
          new AdminCreateUserCommand({
            UserPoolId: POOL,
            Username,
            UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
            ...extra,
          }),
        );
      await create('a', { email: 'a@example.com' });
      expect(sent(fake)).toEqual([]); // the SMS default, and no phone number
      await create('b', { email: 'b@example.com', phone_number: '+447400111222' });
      expect(sent(fake)).toMatchObject([{ operation: 'AdminCreateUser', medium: 'SMS' }]);
      await create('c', { email: 'c@example.com' }, { MessageAction: 'SUPPRESS', DesiredDeliveryMediums: ['EMAIL'] });
      expect(sent(fake)).toHaveLength(1);
      const out = await create('c', {}, { MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
      expect(out.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
      expect(sent(fake).at(-1)).toMatchObject({ medium: 'EMAIL', destination: 'c@example.com' });
      expect(await error(create('c', {}))).toEqual({
        name: 'UsernameExistsException',
        message: 'User account already exists',
      });
      expect(await error(create('jane', {}, { MessageAction: 'RESEND' }))).toEqual({
        name: 'UnsupportedUserStateException',
        message: 'Resend not possible. jane status is not FORCE_CHANGE_PASSWORD.',
      });
      expect(await error(create('nobody', {}, { MessageAction: 'RESEND' }))).toEqual({
        name: 'UserNotFoundException',
        message: 'User does not exist.',
      });
      expect(await error(create('d', { phone_number: '07400111222' }))).toEqual({
        name: 'InvalidParameterException',
        message: 'Invalid phone number format.',
      });
    });
  });
});
