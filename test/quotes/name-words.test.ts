/**
 * The speakers' name words (name-words.ts), analysed a space-separated piece at a time and each piece once, are the
 * words of analysing every name and alias whole (topic-places.ts `termsOf`), whatever the names' punctuation.
 */
import { describe, expect, it } from "vitest";
import { nameWordSteps } from "../../src/quotes/name-words.js";
import { termsOf } from "../../src/quotes/topic-places.js";
import type { Speaker } from "../../src/quotes/types.js";
import { runToEnd } from "../../src/statements/steps.js";

const speaker = (name: string, aliases: string[] = []): Speaker => ({ name, aliases, kind: "person", gender: null, quotes: 1 });

function wholeNameWords(speakers: readonly Speaker[]): Set<string> {
  const words = new Set<string>();
  for (const s of speakers) for (const name of [s.name, ...s.aliases]) for (const term of termsOf(name)) words.add(term);
  return words;
}

describe("nameWordSteps", () => {
  it("gives the words of the names analysed whole", () => {
    const speakers = [
      speaker("Maria Zakharova", ["Zakharova", "Ms Zakharova", "Mariya Zakharova"]),
      speaker("Jean-Claude Juncker", ["Juncker", "Jean Claude Juncker"]),
      speaker("Mirjana Spoljarić Egger", ["Spoljaric", "Spoljarić"]),
      speaker("Dr. Martin Luther King Jr.", ["M.L.K. Jr", "King's"]),
      speaker("U.S. State Department spokesman", ["the US  State Dept."]),
      speaker("Sergei Lavrov", ["Lavrov", "Sergey Lavrov", "Kiev's envoy"]),
      speaker("Nikki Haley", ["Haley\u00a0Nikki", "O’Neill", "3.9 percent"]),
    ];
    const words = runToEnd(nameWordSteps(speakers));
    expect([...words].sort()).toEqual([...wholeNameWords(speakers)].sort());
    expect(words.has("zakharova")).toBe(true);
  });

  it("pauses between batches of speakers and still gives every word", () => {
    const speakers = Array.from({ length: 4500 }, (_, i) => speaker(`Name${i} Surname${i % 97}`));
    const steps = nameWordSteps(speakers);
    let pauses = 0;
    let next = steps.next();
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    expect(pauses).toBeGreaterThan(0);
    expect([...next.value].sort()).toEqual([...wholeNameWords(speakers)].sort());
  });
});
