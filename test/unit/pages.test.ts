import { describe, expect, it } from 'vitest';
import { allPages } from '../../src/aws/pages.js';

describe('allPages', () => {
  it('reads pages in order until there is no next token', async () => {
    const pages: Record<string, { items: number[]; next?: string }> = {
      first: { items: [1, 2], next: 'b' },
      b: { items: [3], next: 'c' },
      c: { items: [] },
    };
    const asked: (string | undefined)[] = [];
    const items = await allPages(async (token) => {
      asked.push(token);
      return pages[token ?? 'first']!;
    });
    expect(items).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });
});
