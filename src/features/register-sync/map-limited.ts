/**
 * Runs `fn` over `items` with at most `limit` calls in flight, keeping the order of results; the first error
 * rejects. The registers publish no rate limits and ask heavy users to be gentle (brief §1.1), so the
 * followers fetch a few units at a time, not a page's worth at once.
 */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
