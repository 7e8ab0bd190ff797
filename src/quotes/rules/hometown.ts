/**
 * Rule "hometown": "Mara Dunn of Ashford, Kent says …" — the person speaks, not the county or state written after
 * their town. A capitalised name right before the verb that follows "NAME of/from Town," is where the person lives,
 * whatever the name (places we do not list included), unless it is a person's full name.
 */
import type { Discourse, Mention } from "../discourse.js";
import { mentionEndingAt } from "./clause-reading.js";

/** " of Ashford, " / " from Port St. Lucie, ": a town and the comma before its county or state. */
const OF_TOWN = /\s(?:of|from)\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}?\p{Lu}[\p{L}.’'-]*,\s*$/u;

/** The person whose hometown `candidate` closes, or null. */
export function hometownOwner(d: Discourse, candidate: Mention, lower: number): Mention | null {
  // A full name is someone else ("Dunn of Ashford, John Hale says" is rare but his); a lone word there is a county
  // or a state, even one that is also a first name ("Kent").
  if (candidate.entity?.kind === "person" && candidate.entity.sure && /\s/.test(candidate.text)) return null;
  const text = d.article.text;
  const from = Math.max(lower, candidate.start - 60);
  const town = OF_TOWN.exec(text.slice(from, candidate.start));
  if (!town) return null;
  const owner = mentionEndingAt(d, from + town.index, lower);
  return owner?.entity?.kind === "person" && owner.entity !== candidate.entity ? owner : null;
}
