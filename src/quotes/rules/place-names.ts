/**
 * Rule "place names": a capitalised word that names a place is no one. "In Concord, he said", "Brianne Stone,
 * 29, of Huntsville, Ala., says … she says": a he or she, an "it said" or "the company" never goes to the place.
 * A place is a name every word of which is a known place ("Florida", "New York"), or a name the article writes
 * with its state after a comma ("Allentown, Pa.", "Concord, N.H."), or a single word the article only ever names
 * after "in", "at" or "near" ("In Concord, he …"). Named at the cue, a known place still speaks
 * for its government ("Moscow said").
 */
import { isPlace } from "../names.js";

/** ", Pa.", ", N.H.", ", Iowa" right after a name: the name is a town in that state. */
const STATE_AFTER = /^,\s*((?:\p{Lu}\.){2}|\p{Lu}[\p{L}]+\.?)(?=[\s,;:)]|$)/u;

/** Whether the mention [start, end) of `name` names a place. */
export function namesAPlace(text: string, name: string, end: number): boolean {
  if (name !== "" && name.split(/\s+/).every((w) => isPlace(w))) return true;
  const state = STATE_AFTER.exec(text.slice(end, end + 20));
  return state !== null && isPlace(state[1]!.replace(/\.$/, ""));
}

/** "in Concord", "at Huntsville": the name at `start` follows a preposition of place. */
export function isLocated(text: string, start: number): boolean {
  return /\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+$/.test(text.slice(Math.max(0, start - 6), start));
}
