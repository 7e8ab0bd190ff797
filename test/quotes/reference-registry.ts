/**
 * The speaker lookups written the plain way (every name compared with what was typed): the reference that
 * src/quotes/speaker-lookup.ts, with its indexes of name words, must answer exactly as (speaker-lookup.test.ts).
 */
import { HONORIFICS, TITLE_WORDS } from "../../src/quotes/lexicon.js";
import type { BuiltRegistry } from "../../src/quotes/registry.js";
import { editDistance } from "../../src/text/edit-distance.js";
import { fullNameKey, nameKey } from "../../src/quotes/text.js";
import type { Speaker, SpeakerMatch } from "../../src/quotes/types.js";
import { nearNameCost, POPULAR_QUOTES, typoDistance } from "../../src/quotes/speaker-lookup.js";

const MAX_NAME_WORDS = 6;

/** A registry over a fixed speaker list. */
export function createRegistry(
  speakers: Speaker[],
  canonical: (doc: string, localName: string) => Speaker | null = () => null,
): BuiltRegistry {
  // Folded key of every name and alias -> speakers, best (most quoted) first.
  const byKey = new Map<string, Speaker[]>();
  const keysOf = new Map<Speaker, string[]>();
  for (const s of speakers) {
    const keys = new Set([s.name, ...s.aliases].map(fullNameKey));
    keysOf.set(s, [...keys]);
    for (const key of keys) {
      const list = byKey.get(key) ?? [];
      list.push(s);
      byKey.set(key, list);
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => b.quotes - a.quotes);
  const byLength = new Map<number, Array<{ key: string[]; speaker: Speaker }>>();
  for (const [key, list] of byKey) {
    const parts = key.split(" ");
    const bucket = byLength.get(parts.length) ?? [];
    bucket.push({ key: parts, speaker: list[0]! });
    byLength.set(parts.length, bucket);
  }

  function exact(tokens: readonly string[]): Speaker | null {
    return byKey.get(tokens.map(nameKey).join(" "))?.[0] ?? null;
  }

  function fuzzy(tokens: readonly string[]): Speaker | null {
    const keys = tokens.map(nameKey);
    let best: { speaker: Speaker; cost: number } | null = null;
    for (const { key, speaker } of byLength.get(keys.length) ?? []) {
      const extra = speaker.quotes >= POPULAR_QUOTES ? 1 : 0;
      let distance = 0;
      let ok = true;
      for (let i = 0; i < keys.length && ok; i++) {
        const d = typoDistance(keys[i]!, key[i]!, extra);
        if (d === null) ok = false;
        else distance += d;
      }
      if (!ok) continue;
      const cost = nearNameCost(distance, speaker.quotes);
      if (!best || cost < best.cost || (cost === best.cost && speaker.quotes > best.speaker.quotes)) best = { speaker, cost };
    }
    return best?.speaker ?? null;
  }


  /** Leading title words ("Foreign Minister", "Mr") that may precede a name. */
  function titleLength(tokens: readonly string[]): number {
    let i = 0;
    while (i < tokens.length - 1 && (TITLE_WORDS.has(tokens[i]!.toLowerCase()) || tokens[i]!.toLowerCase() in HONORIFICS || /^(?:russian|us|u\.s\.|american|british|french|german|chinese|ukrainian|un)$/i.test(tokens[i]!))) i++;
    return i;
  }

  const registry: BuiltRegistry = {
    speakers,
    canonical,
    resolve(name: string): Speaker | null {
      const tokens = name.trim().split(/\s+/).filter(Boolean);
      if (tokens.length === 0) return null;
      const direct = exact(tokens);
      if (direct) return direct;
      const skip = titleLength(tokens);
      const rest = tokens.slice(skip);
      return (skip > 0 ? exact(rest) : null) ?? fuzzy(tokens) ?? (skip > 0 ? fuzzy(rest) : null);
    },
    matchLeading(input: readonly string[]): SpeakerMatch | null {
      const tokens = input.filter(Boolean);
      const skip = titleLength(tokens);
      for (const offset of skip > 0 ? [0, skip] : [0]) {
        const max = Math.min(MAX_NAME_WORDS, tokens.length - offset);
        for (let n = max; n >= 1; n--) {
          const part = tokens.slice(offset, offset + n);
          const found = exact(part) ?? fuzzy(part);
          if (found) return { speaker: found, consumed: offset + n };
        }
      }
      return null;
    },
    suggest(text: string, limit: number): Speaker[] {
      const query = fullNameKey(text.trim());
      if (!query) return speakers.slice(0, limit);
      const queryTokens = query.split(" ").filter((t) => t.length >= 3);
      const scored: Array<{ speaker: Speaker; score: number }> = [];
      for (const s of speakers) {
        let score = 0;
        for (const key of keysOf.get(s) ?? []) {
          const keyTokens = key.split(" ");
          // Autocomplete: the name, or one of its words, starts with what was typed.
          if (key.startsWith(query) || keyTokens.some((t) => t.startsWith(query))) {
            score = Math.max(score, 3);
            continue;
          }
          // Near spellings: the best match of a typed word with a word of the name.
          for (const q of queryTokens) {
            for (const t of keyTokens) {
              const cap = Math.max(1, Math.min(3, Math.floor(q.length / 3)));
              const d = editDistance(q, t, cap);
              if (d <= cap) score = Math.max(score, 2 - d / (cap + 1));
              else if (commonPrefix(q, t) >= 4) score = Math.max(score, 1);
            }
          }
        }
        if (score > 0) scored.push({ speaker: s, score });
      }
      scored.sort((a, b) => b.score - a.score || b.speaker.quotes - a.speaker.quotes || a.speaker.name.localeCompare(b.speaker.name));
      return scored.slice(0, limit).map((x) => x.speaker);
    },
  };
  return registry;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
