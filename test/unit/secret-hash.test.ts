import { createHmac, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretHash } from '../../src/domain/secret-hash.js';

/** The same HMAC through Web Crypto: an implementation independent of the one under test. */
async function webCryptoHash(secret: string, message: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await webcrypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return Buffer.from(await webcrypto.subtle.sign('HMAC', key, enc.encode(message))).toString('base64');
}

describe('secretHash', () => {
  it('matches RFC 4231 test case 2 (HMAC-SHA-256, key "Jefe"), with the message split into username + client id', () => {
    const expected = Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString(
      'base64',
    );
    expect(secretHash('Jefe', 'what do ya want ', 'for nothing?')).toBe(expected);
  });

  it('is the HMAC of username then client id, keyed by the secret (Web Crypto agrees)', async () => {
    const secret = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop';
    for (const username of ['jane', 'jane@example.com', 'Jörg', '+447400123456']) {
      expect(secretHash(secret, username, '1example23456789')).toBe(
        await webCryptoHash(secret, `${username}1example23456789`),
      );
    }
  });

  it('depends on the order and on every input', () => {
    const base = secretHash('s', 'jane', 'client');
    expect(secretHash('s', 'client', 'jane')).not.toBe(base);
    expect(secretHash('t', 'jane', 'client')).not.toBe(base);
    expect(secretHash('s', 'Jane', 'client')).not.toBe(base);
    expect(base).toBe(createHmac('sha256', 's').update('janeclient').digest('base64'));
  });
});
