// The SECRET_HASH an app client with a secret must send: Base64(HMAC_SHA256(secret, username + client id)).
import { createHmac } from 'node:crypto';

export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(`${username}${clientId}`, 'utf8').digest('base64');
}
