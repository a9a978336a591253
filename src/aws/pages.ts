/**
 * Every item of a paginated read: `page(token)` fetches one page (token undefined for the first) and
 * returns its items and the next token, or undefined on the last page. Pages are read in order.
 */
export async function allPages<T>(
  page: (token?: string) => Promise<{ items: readonly T[]; next?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const out = await page(token);
    items.push(...out.items);
    token = out.next;
  } while (token);
  return items;
}
