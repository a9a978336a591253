import { describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../src/pseudonyms.js';

describe('pseudonyms of a redacted recording', () => {
  it('a name keeps its first character, length and shape; the same in any case', () => {
    const p = new Pseudonyms();
    p.learnNames(['jane.doe', '91beb0c3-a87c-44d4-8517-21a6aa698ea4']);
    const name = p.text('jane.doe');
    expect(name).toMatch(/^j[a-z]{3}\.[a-z]{3}$/);
    expect(name).not.toBe('jane.doe');
    expect(p.text('Jane.Doe')).toMatch(/^J/);
    expect(p.text('Jane.Doe').toLowerCase()).toBe(name);
    const sub = p.text('91beb0c3-a87c-44d4-8517-21a6aa698ea4');
    expect(sub).toMatch(/^9[0-9a-f]{7}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sub).not.toBe('91beb0c3-a87c-44d4-8517-21a6aa698ea4');
  });

  it("a pseudonym is never the name itself, another name, or another name's pseudonym", () => {
    // Short names leave few characters to draw: with 500 keys a drawn "al" would come out as itself ~19 times.
    const names = ['al', 'ab', 'am', 'jane', 'jake', '42'];
    for (let k = 0; k < 500; k++) {
      const p = new Pseudonyms(Buffer.alloc(32, k));
      p.learnNames(names);
      const pseudonyms = names.map((n) => p.text(n));
      for (const [i, n] of names.entries()) expect(pseudonyms[i], `key ${String(k)}`).not.toBe(n);
      expect(new Set([...names, ...pseudonyms]).size, `key ${String(k)}: ${pseudonyms.join(' ')}`).toBe(
        names.length * 2,
      );
      expect(p.text('al@example.com')).not.toBe('al@example.com');
    }
  });

  it('a pseudonym is never a word of the run: a replay would mask that word too', () => {
    // "sam" has 25 × 25 draws; over 2,000 keys one of them lands on "sms" or "ses" about six times.
    for (let k = 0; k < 2000; k++) {
      const p = new Pseudonyms(Buffer.alloc(32, k % 256).fill(k >> 8, 0, 1));
      p.avoidWordsOf('SES in eu-west-1 can send; SMS, sip and sat.');
      p.learnNames(['sam']);
      expect(['ses', 'sms', 'sip', 'sat'], `key ${String(k)}`).not.toContain(p.text('sam'));
    }
  });

  it('an address keeps its domain and first character; a local part that is a name takes its pseudonym', () => {
    const p = new Pseudonyms();
    p.learnNames(['sam']);
    expect(p.text('sam@example.com')).toBe(`${p.text('sam')}@example.com`);
    const g = p.text('g@example.com');
    expect(g).toMatch(/^g[a-z]{3}@example\.com$/);
    expect(p.text('arn:aws:ses:eu-west-1:1:identity/no-reply@shop.example.com')).toMatch(
      /^arn:aws:ses:eu-west-1:1:identity\/n[a-z]{7}@shop\.example\.com$/,
    );
  });

  it('a number keeps its country, validity, length and last four digits', async () => {
    const p = new Pseudonyms();
    await p.learnPhones(['+447400123456 and +447700900123']);
    const valid = p.text('+447400123456');
    expect(valid).toMatch(/^\+44\d{6}3456$/);
    expect(valid).not.toBe('+447400123456');
    // Valid for no country: any number that is not either.
    expect(p.text('+447700900123')).toMatch(/^\+\d{8}0123$/);
    expect(p.written('+44 7400 123456', '+447400123456').replace(/ /g, '')).toBe(valid);
    expect(p.written('07400 123456', '+447400123456')).toBe(`0${valid.slice(3, 7)} ${valid.slice(7)}`);
  });
});

describe('Pseudonyms of names as the output spells them', () => {
  it('replaces a name inside shell quotes, JSON and filter strings by the same spelling of its pseudonym', () => {
    const p = new Pseudonyms(Buffer.alloc(32, 7));
    p.learnNames(["o'brien", 'back\\slash']);
    const plain = p.text("o'brien back\\slash");
    const [ob, bs] = plain.split(' ') as [string, string];
    expect(ob).not.toBe("o'brien");
    expect(p.text(`--username 'o'\\''brien'`)).toBe(`--username '${ob.replace(/'/g, `'\\''`)}'`);
    expect(p.text(`?"back\\\\slash"`)).toBe(`?"${bs.replace(/\\/g, '\\\\')}"`);
  });
});
