/**
 * The indexed speaker lookups (speaker-lookup.ts) answer exactly as createRegistry's, which compare the typed
 * words with every name: the same speaker for `resolve` and `matchLeading`, the same suggestions in the same order.
 * Checked with names read from the corpus and spoiled as users spoil them (typos, prefixes, titles, topic words
 * after the name), on the sample corpus and, when present, on the BBC corpus.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { createRegistry } from "./reference-registry.js";
import { createIndexedRegistry } from "../../src/quotes/speaker-lookup.js";
import type { Speaker } from "../../src/quotes/types.js";

const BBC = "../shared/corpora/bbc";

/** What a user may type for speakers' names: whole, cut short, misspelled, titled, lower-cased, with a topic after. */
function typedNames(speakers: readonly Speaker[], topicWords: readonly string[]): string[][] {
  const out: string[][] = [[], [""], ["zz"], ["Mr"], ["Foreign", "Minister"], ["the", "minister"]];
  speakers.forEach((s, i) => {
    const words = s.name.split(/\s+/);
    const surname = words[words.length - 1]!;
    const topic = topicWords[i % topicWords.length]!;
    out.push(words, [...words, topic], [surname, topic], [surname.toLowerCase()]);
    out.push([surname.slice(0, 3)], [surname.slice(0, 4)], [s.name.slice(0, 6)]);
    out.push([dropLetter(surname, i)], [swapLetters(surname, i)], [replaceLetter(surname, i)], [replaceLetter(dropLetter(surname, i), i + 1)]);
    out.push([dropLetter(dropLetter(surname, i), i + 1)], [addLetter(addLetter(surname, i), i + 2)], [addLetter(words[0]!, i), ...words.slice(1)]);
    out.push([...words.slice(0, -1), swapLetters(surname, i), topic], [replaceLetter(words[0]!, i), ...words.slice(1)]);
    out.push(["Mr", surname, topic], ["President", ...words], ["US", ...words.map((w) => w.toUpperCase())]);
    for (const alias of s.aliases.slice(0, 3)) out.push(alias.split(/\s+/), [...alias.split(/\s+/), topic]);
  });
  return out;
}

function dropLetter(word: string, seed: number): string {
  const at = 1 + (seed % Math.max(1, word.length - 1));
  return word.slice(0, at) + word.slice(at + 1);
}

function addLetter(word: string, seed: number): string {
  const at = seed % (word.length + 1);
  return word.slice(0, at) + "nrst"[seed % 4]! + word.slice(at);
}

function swapLetters(word: string, seed: number): string {
  if (word.length < 3) return word;
  const at = 1 + (seed % (word.length - 2));
  return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
}

function replaceLetter(word: string, seed: number): string {
  if (word.length < 2) return word;
  const at = seed % word.length;
  return word.slice(0, at) + "aeiouy"[seed % 6]! + word.slice(at + 1);
}

function expectSameLookups(speakers: readonly Speaker[], typed: readonly string[][]): void {
  const reference = createRegistry([...speakers]);
  const indexed = createIndexedRegistry(speakers);
  for (const words of typed) {
    const text = words.join(" ");
    // Speakers by identity: two speakers may share a name.
    expect(indexed.resolve(text), `resolve ${text}`).toBe(reference.resolve(text));
    const leading = indexed.matchLeading(words);
    const expected = reference.matchLeading(words);
    expect(leading?.speaker, `matchLeading ${text}`).toBe(expected?.speaker);
    expect(leading?.consumed, `matchLeading ${text}`).toBe(expected?.consumed);
    // The reference's first 3 are what it answers for 3 (it sorts every close speaker, then cuts).
    const wanted = reference.suggest(text, 12);
    for (const limit of [3, 12]) {
      const suggested = indexed.suggest(text, limit);
      expect(suggested.map((s) => s.name), `suggest ${text}`).toEqual(wanted.slice(0, limit).map((s) => s.name));
      suggested.forEach((s, i) => expect(s, `suggest ${text}`).toBe(wanted[i]));
    }
  }
}

describe("indexed speaker lookups answer as the registry's", () => {
  it("on the speakers of the sample corpus", async () => {
    const book = buildQuoteBook(await loadCorpus("seeds"));
    const speakers = book.speakers.speakers;
    expect(speakers.length).toBeGreaterThan(5);
    expectSameLookups(speakers, typedNames(speakers, ["Minsk", "sanctions", "video"]));
  });

  it("on hand-made speakers sharing surnames, first names and aliases", () => {
    const person = (name: string, quotes: number, aliases: string[] = []): Speaker => ({ name, aliases, kind: "person", gender: null, quotes });
    const speakers: Speaker[] = [
      person("Sergey Lavrov", 40, ["Lavrov", "Sergei Lavrov", "Mr Lavrov"]),
      person("Maria Zakharova", 30, ["Zakharova", "Ms Zakharova"]),
      person("Anna Lavrova", 2, ["Lavrova"]),
      person("Sergey Lavrin", 2, ["Lavrin"]),
      person("Maria Zaharova", 1, ["Zaharova"]),
      person("John Smith", 3, ["Smith"]),
      person("Jane Smith", 3, ["Smith"]),
      person("John Smyth", 3, ["Smyth"]),
      person("Alexandra Schwarzenberg", 2, ["Schwarzenberg"]),
      // Two speakers of one name (a person and a body): kept in registry order.
      person("Dana Cole", 4, ["Cole"]),
      { ...person("Dana Cole", 4, ["Dana"]), kind: "organisation" as const },
    ];
    expectSameLookups(speakers, [...typedNames(speakers, ["Minsk", "talks"]), ["Dana"], ["Schwarzenbg"], ["Alexandra", "Schwarzenbergsn"]]);
    // Equally close names: the most quoted, then the first given.
    expect(createIndexedRegistry(speakers).resolve("Lavrovv")?.name).toBe("Sergey Lavrov");
    expect(createIndexedRegistry(speakers).suggest("Smith", 3).map((s) => s.name)).toEqual(["Jane Smith", "John Smith", "John Smyth"]);
    // What suggestions read is indexed in steps when asked (a running bot, in slices), once, with the same answers.
    const prepared = createIndexedRegistry(speakers);
    let steps = 0;
    for (const _ of prepared.suggestionSteps!()) steps++;
    expect(steps).toBeGreaterThanOrEqual(0);
    expect([...prepared.suggestionSteps!()]).toEqual([]);
    expect(prepared.suggest("Smith", 3).map((s) => s.name)).toEqual(["Jane Smith", "John Smith", "John Smyth"]);
    expect(prepared.suggest("Schwarzenbg", 3)).toEqual(createRegistry(speakers).suggest("Schwarzenbg", 3));
  });
});

describe.skipIf(!existsSync(BBC))("indexed speaker lookups on the BBC corpus (research copy)", () => {
  it("answer as the registry's for names typed whole, misspelled, cut short or titled", async () => {
    const book = buildQuoteBook(await loadCorpus(BBC));
    const speakers = book.speakers.speakers;
    // Every 100th speaker, the most quoted included: a spread of common and rare names.
    const sample = speakers.filter((_, i) => i % 100 === 0);
    expect(sample.length).toBeGreaterThan(20);
    expectSameLookups(speakers, typedNames(sample, ["election", "tax", "Iraq", "music"]));
  }, 120_000); // builds the quote book of the whole BBC corpus: about 10 s alone, far more on a loaded machine
});
