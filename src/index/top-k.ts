/**
 * The first k items of a list in a given order, without sorting the whole list: a page of ten results out
 * of thousands of matching articles needs only a bounded, sorted buffer (O(n log k)).
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top = new TopK(k, compare);
  for (const item of items) top.offer(item);
  return top.items;
}

/** The bounded, sorted buffer itself, for a loop that offers its items one by one (no list of them made). */
export class TopK<T> {
  private readonly best: T[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const { best, k, compare } = this;
    if (k <= 0 || (best.length === k && compare(item, best[k - 1]!) >= 0)) return;
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

  /** The best items offered so far, best first. */
  get items(): T[] {
    return this.best;
  }
}
