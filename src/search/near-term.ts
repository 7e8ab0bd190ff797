/** "Did you mean": the known index term closest in spelling to an unknown one. */
import { editDistance } from "../text/edit-distance.js";

/**
 * The closest term within edit distance 2 (1 for short words), the most frequent among equals; or null.
 * Only terms with the same first letter are compared: misspelt names nearly always keep it ("Zaharova",
 * "Guteres"), and it spares the edit-distance work on almost the whole vocabulary of a large corpus.
 */
export function nearestTerm(term: string, vocabulary: ReadonlyMap<string, number>, initials?: TermsByInitial): string | null {
  const limit = term.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = limit + 1;
  let bestCount = 0;
  for (const candidate of initials ? initials.of(term[0] ?? "") : vocabulary.keys()) {
    if (candidate[0] !== term[0] || Math.abs(candidate.length - term.length) > limit || candidate === term) continue;
    const count = vocabulary.get(candidate) ?? 0;
    const distance = editDistance(term, candidate, limit);
    if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
      best = candidate;
      bestDistance = distance;
      bestCount = count;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** A vocabulary's terms grouped by their first character, so that a lookup reads only its own group. */
export class TermsByInitial {
  private readonly groups = new Map<string, Set<string>>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) this.add(term);
  }

  add(term: string): void {
    const initial = term[0] ?? "";
    const group = this.groups.get(initial);
    if (group) group.add(term);
    else this.groups.set(initial, new Set([term]));
  }

  delete(term: string): void {
    this.groups.get(term[0] ?? "")?.delete(term);
  }

  of(initial: string): Iterable<string> {
    return this.groups.get(initial) ?? [];
  }
}
