/**
 * The first k items of a list in a given order, without sorting the whole list: a page of ten results out
 * of thousands of matching articles needs only a bounded, sorted buffer (O(n log k)).
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    // Binary search for the first element that `item` comes before.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(item, best[mid]!) < 0) high = mid;
      else low = mid + 1;
    }
    best.splice(low, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}
