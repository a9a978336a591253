import { describe, expect, it } from 'vitest';
import { coveringDomains, isWithinDomain, parseAddress, parseMailbox } from '../../src/domain/email-address.js';

const reason = (r: ReturnType<typeof parseAddress>) => (r.ok ? 'ok' : r.reason);

describe('parseAddress', () => {
  it.each([
    'jane@example.com',
    'Jane.Doe+reset@mail.example.co.uk',
    "o'brien@example.ie",
    'a!#$%&*+/=?^_`{|}~-b@example.com',
    '"john doe"@example.com',
    '"a\\"b"@example.com',
    'x@xn--mnchen-3ya.de',
    'x@münchen.de',
    'user@sub-domain.example-1.com',
    '  jane@example.com  ',
  ])('accepts %s', (address) => {
    expect(reason(parseAddress(address))).toBe('ok');
  });

  it.each([
    ['', 'it is empty'],
    ['jane.example.com', 'it has no @'],
    ['@example.com', 'the part before @ is empty'],
    ['jane@', 'the domain after @ is empty'],
    ['jane@example', 'the domain has no dot: it is not a public mail domain'],
    ['.jane@example.com', 'the part before @ starts or ends with a dot'],
    ['jane.@example.com', 'the part before @ starts or ends with a dot'],
    ['ja..ne@example.com', 'the part before @ has two dots in a row'],
    ['ja ne@example.com', 'the part before @ has a character that must be quoted: " "'],
    ['ja(ne)@example.com', 'the part before @ has a character that must be quoted: "("'],
    ['jäne@example.com', 'the part before @ has non-ASCII characters, which SES cannot send to or from'],
    ['jane@example..com', 'the domain has an empty label (two dots in a row)'],
    ['jane@example.com.', 'the domain ends with a dot'],
    ['jane@-example.com', 'the domain label "-example" starts or ends with a hyphen'],
    ['jane@exa_mple.com', 'the domain label "exa_mple" has characters other than letters, digits and hyphens'],
    ['jane@192.168.0.1', 'the top-level domain is all digits'],
    ['jane@[192.168.0.1]', 'the domain is an address literal, which SES does not send to or from'],
    ['jane@exa mple.com', 'the domain contains white space'],
  ])('rejects %j: %s', (address, why) => {
    expect(reason(parseAddress(address))).toBe(why);
  });

  it('enforces the RFC 5321 lengths', () => {
    expect(reason(parseAddress(`${'a'.repeat(65)}@example.com`))).toMatch(/65 characters long \(the limit is 64\)/);
    expect(reason(parseAddress(`a@${'b'.repeat(64)}.com`))).toMatch(/longer than 63 characters/);
    expect(reason(parseAddress(`a@${'b.'.repeat(130)}com`))).toMatch(/the limit is 254|the limit is 253/);
    expect(reason(parseAddress(`${'a'.repeat(64)}@${'b'.repeat(63)}.com`))).toBe('ok');
  });

  it('lower-cases the domain but keeps the local part', () => {
    const r = parseAddress('Jane@Example.COM');
    expect(r.ok && r.value).toMatchObject({ local: 'Jane', domain: 'example.com', address: 'Jane@Example.COM' });
  });
});

describe('parseMailbox', () => {
  it('reads a display name and an angle address', () => {
    const r = parseMailbox('Shop <no-reply@shop.example.com>');
    expect(r.ok && r.value).toMatchObject({ displayName: 'Shop', address: 'no-reply@shop.example.com' });
  });

  it('unquotes a quoted display name, which may hold specials', () => {
    const r = parseMailbox('"Shop, Inc." <no-reply@shop.example.com>');
    expect(r.ok && r.value.displayName).toBe('Shop, Inc.');
  });

  it('accepts a bare address and an empty display name', () => {
    expect(parseMailbox('no-reply@shop.example.com').ok).toBe(true);
    expect(parseMailbox('<no-reply@shop.example.com>').ok).toBe(true);
  });

  it('accepts non-ASCII display names', () => {
    expect(parseMailbox('Café Zoë <no-reply@shop.example.com>').ok).toBe(true);
  });

  it.each([
    ['Shop, Inc. <no-reply@shop.example.com>', 'the display name has ",", which is allowed only inside quotes'],
    ['Shop Inc. <no-reply@shop.example.com>', 'the display name has ".", which is allowed only inside quotes'],
    ['Shop <no-reply@shop.example.com', 'it has a "<" without a closing ">"'],
    ['Shop no-reply@shop.example.com>', 'it has a ">" without an opening "<"'],
    ['"Shop <no-reply@shop.example.com>', 'the display name has an unterminated quote'],
    ['"Sh"op" <no-reply@shop.example.com>', 'the display name has an unescaped quote inside the quotes'],
    ['Shop "Inc" <no-reply@shop.example.com>', 'the display name mixes quoted and unquoted text'],
    ['Shop <no-reply@shop>', 'the domain has no dot: it is not a public mail domain'],
    ['Shop <<no-reply@shop.example.com>>', 'it has nested angle brackets'],
  ])('rejects %j: %s', (value, why) => {
    const r = parseMailbox(value);
    expect(r.ok ? 'ok' : r.reason).toBe(why);
  });
});

describe('domains', () => {
  it('lists the domain identities that could cover an address domain, most specific first', () => {
    expect(coveringDomains('mail.shop.example.com')).toEqual([
      'mail.shop.example.com',
      'shop.example.com',
      'example.com',
    ]);
    expect(coveringDomains('Example.com')).toEqual(['example.com']);
  });

  it('treats subdomains as inside a domain identity, and look-alikes as outside', () => {
    expect(isWithinDomain('shop.example.com', 'shop.example.com')).toBe(true);
    expect(isWithinDomain('mail.Shop.example.com', 'shop.example.com')).toBe(true);
    expect(isWithinDomain('evilshop.example.com', 'shop.example.com')).toBe(false);
    expect(isWithinDomain('example.com', 'shop.example.com')).toBe(false);
  });
});
