/**
 * A map split over many small Maps, for the posting lists of the statement computation. A Map grows by rehashing
 * all of its entries at once: 100-300 ms at a few million entries, one step that a computation in time slices
 * cannot interrupt. Each shard grows on its own, in a fraction of that. Lookups only: it is never iterated.
 */
export class ShardedMap<K, V> {
  private readonly shards: Array<Map<K, V>>;
  private readonly mask: number;

  /** `shardOf` spreads the keys: its low bits (as a 32-bit integer) pick one of `2 ** bits` shards. */
  constructor(
    private readonly shardOf: (key: K) => number,
    bits = 8,
  ) {
    this.shards = Array.from({ length: 2 ** bits }, () => new Map<K, V>());
    this.mask = 2 ** bits - 1;
  }

  get(key: K): V | undefined {
    return this.shard(key).get(key);
  }

  set(key: K, value: V): void {
    this.shard(key).set(key, value);
  }

  private shard(key: K): Map<K, V> {
    // A lookup sits in the hottest loop (term weights): a mask, not a modulo.
    return this.shards[this.shardOf(key) & this.mask]!;
  }
}

/** A cheap spread of short strings (terms): their length, first, middle and last characters, mixed. */
export function stringShard(key: string): number {
  const n = key.length;
  // charCodeAt past the end (an empty key) is NaN, which the bit operations read as 0.
  const x = key.charCodeAt(0) ^ (key.charCodeAt(n >> 1) << 8) ^ (key.charCodeAt(n - 1) << 16) ^ (n << 24);
  // Multiplicative hashing: the high bits mix all of x; they are moved down, where the mask reads.
  return Math.imul(x, 0x9e3779b1) >>> 20;
}
