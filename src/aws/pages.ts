import { AwsCallError } from './errors.js';
import type { IamAction } from './services.js';

/** One page of a paginated read: its items and the token of the next page (undefined on the last). */
export interface Page<T> {
  items: readonly T[];
  next?: string | undefined;
}

export interface PagedRead<T> {
  items: T[];
  /** How many pages were read. */
  pages: number;
  /** False when the read stopped at its page cap (or at `enough`) with more pages left. */
  complete: boolean;
}

export interface PageLimits<T> {
  /** The most pages to read: a busy pool or log group must not be read to its end. */
  maxPages: number;
  /** Stop early once the items read so far are enough. */
  enough?: (items: readonly T[]) => boolean;
}

/**
 * Read pages in order, at most `maxPages`: `page(token)` fetches one (token undefined for the first).
 * Empty pages that carry a token are followed (CloudWatch Logs returns them). A token that comes back
 * a second time would loop for ever: the read fails, naming the action, as an AWS error.
 */
export async function readPages<T>(
  action: IamAction,
  region: string,
  page: (token?: string) => Promise<Page<T>>,
  limits: PageLimits<T>,
): Promise<PagedRead<T>> {
  const items: T[] = [];
  let pages = 0;
  let more = false;
  for await (const read of streamPages(action, region, page, limits.maxPages)) {
    pages += 1;
    items.push(...read.items);
    more = read.more;
    if (limits.enough?.(items)) break;
  }
  return { items, pages, complete: !more };
}

/** One page as streamPages hands it out: its items, and whether another page follows. */
export interface StreamedPage<T> {
  items: readonly T[];
  more: boolean;
}

/**
 * The pages of a paginated read one at a time, with readPages' guards (at most `maxPages`, a repeated
 * token fails): a read too long to hold (every user of a pool) drops each page once it is used.
 * `more` on the last page handed out says whether the read stopped at its cap with pages left.
 */
export async function* streamPages<T>(
  action: IamAction,
  region: string,
  page: (token?: string) => Promise<Page<T>>,
  maxPages: number,
): AsyncGenerator<StreamedPage<T>> {
  const seen = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    const out = await page(token);
    pages += 1;
    token = out.next || undefined;
    if (token !== undefined && seen.has(token)) {
      throw new AwsCallError(
        'aws-error',
        action,
        region,
        'RepeatedPageToken',
        `page ${pages} returned a pagination token already followed; stopped after ${pages} pages so as not to loop`,
      );
    }
    if (token !== undefined) seen.add(token);
    yield { items: out.items, more: token !== undefined };
  } while (token !== undefined && pages < maxPages);
}

/**
 * Every item of a paginated read whose answer is wrong when partial (a role's policies, the sandbox's
 * numbers): past `maxPages` pages the read fails instead of answering from part of the list.
 */
export async function allPages<T>(
  action: IamAction,
  region: string,
  page: (token?: string) => Promise<Page<T>>,
  maxPages = 20,
): Promise<T[]> {
  const read = await readPages(action, region, page, { maxPages });
  if (!read.complete) {
    throw new AwsCallError(
      'aws-error',
      action,
      region,
      'PageLimitReached',
      `more than ${maxPages} pages; stopped after ${read.pages} pages (${read.items.length} items) rather than answer from part of the list`,
    );
  }
  return read.items;
}
