/** How many files of one load are fetched at once: a browser opens about six connections a host. */
export const PARALLEL_FETCHES = 6;

/**
 * `fn` over every item, at most `limit` at a time, results in the items' order. The first failure
 * rejects at once and no further item is started; those under way are left to the caller to stop
 * (a URL load aborts its requests).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
