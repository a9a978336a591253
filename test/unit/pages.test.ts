import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import { allPages, readPages, type Page } from '../../src/aws/pages.js';

/** A paged read served from a table of pages keyed by token ('first' for none), recording each token. */
function pager(pages: Record<string, Page<number>>) {
  const asked: (string | undefined)[] = [];
  const page = async (token?: string) => {
    asked.push(token);
    return pages[token ?? 'first']!;
  };
  return { asked, page };
}

describe('readPages', () => {
  it('reads pages in order until there is no next token', async () => {
    const { asked, page } = pager({
      first: { items: [1, 2], next: 'b' },
      b: { items: [3], next: 'c' },
      c: { items: [] },
    });
    expect(await readPages('sns:ListSMSSandboxPhoneNumbers', 'eu-west-1', page, { maxPages: 10 })).toEqual({
      items: [1, 2, 3],
      pages: 3,
      complete: true,
    });
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('follows empty pages that carry a token', async () => {
    const { page } = pager({ first: { items: [], next: 'b' }, b: { items: [], next: 'c' }, c: { items: [7] } });
    expect((await readPages('logs:FilterLogEvents', 'eu-west-1', page, { maxPages: 5 })).items).toEqual([7]);
  });

  it('stops at the page cap and says how many pages it read', async () => {
    const pages: Record<string, Page<number>> = { first: { items: [0], next: 't1' } };
    for (let i = 1; i < 10; i++) pages[`t${i}`] = { items: [i], next: `t${i + 1}` };
    const { asked, page } = pager(pages);
    const read = await readPages('cognito-idp:ListUsers', 'eu-west-1', page, { maxPages: 3 });
    expect(read).toEqual({ items: [0, 1, 2], pages: 3, complete: false });
    expect(asked).toHaveLength(3);
  });

  it('stops once the items are enough', async () => {
    const { asked, page } = pager({ first: { items: [1, 2], next: 'b' }, b: { items: [3, 4], next: 'c' } });
    const read = await readPages('logs:FilterLogEvents', 'eu-west-1', page, {
      maxPages: 5,
      enough: (items) => items.length >= 2,
    });
    expect(read.complete).toBe(false);
    expect(asked).toEqual([undefined]);
  });

  it('fails with an AWS error naming the action when a token comes back a second time', async () => {
    const { asked, page } = pager({ first: { items: [1], next: 'same' }, same: { items: [2], next: 'same' } });
    const err = await readPages('cloudtrail:LookupEvents', 'us-east-1', page, { maxPages: 50 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AwsCallError);
    expect(err).toMatchObject({ kind: 'aws-error', action: 'cloudtrail:LookupEvents', awsCode: 'RepeatedPageToken' });
    expect((err as Error).message).toContain('stopped after 2 pages');
    expect(asked).toEqual([undefined, 'same']);
  });
});

describe('allPages', () => {
  it('returns every item of a complete read', async () => {
    const { page } = pager({ first: { items: [1], next: 'b' }, b: { items: [2] } });
    expect(await allPages('iam:ListRolePolicies', 'us-east-1', page)).toEqual([1, 2]);
  });

  it('fails past its page cap rather than answer from part of the list', async () => {
    const { page } = pager({ first: { items: [1], next: 'b' }, b: { items: [2], next: 'c' }, c: { items: [3] } });
    await expect(allPages('iam:ListRolePolicies', 'us-east-1', page, 2)).rejects.toMatchObject({
      awsCode: 'PageLimitReached',
      action: 'iam:ListRolePolicies',
    });
  });
});
