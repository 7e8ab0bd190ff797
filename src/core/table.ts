/**
 * A lookup table keyed by words from the corpus or the user. Plain object literals inherit from Object.prototype,
 * so a lookup of "constructor" or "__proto__" would find a function; these tables have no prototype.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
