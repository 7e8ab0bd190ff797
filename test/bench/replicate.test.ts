import { describe, expect, it } from "vitest";
import { mergeArticles } from "../../bench/corpora.js";
import { countPassages, hash32, perturbText, rareWords, replicateArticles, respell, RARE_MAX } from "../../bench/replicate.js";
import { makeArticle } from "./articles.js";

const base = [
  makeArticle("a.txt", [{ text: "Headline about Quixotic", role: "headline" }, "The government said prices rose.", { text: "Most Popular", role: "furniture" }]),
  makeArticle("b.txt", ["The government said the Zanzibarian envoy spoke.", "Officials said the government would reply."]),
  makeArticle("c.txt", ["Markets fell as the government said nothing about Kowalczyk."]),
];

describe("replicateArticles", () => {
  it("counts passages without page furniture", () => {
    expect(countPassages(base)).toBe(5);
  });

  it("reaches the target with unique article and paragraph ids", () => {
    const out = replicateArticles(base, 23);
    expect(countPassages(out)).toBeGreaterThanOrEqual(23);
    const ids = out.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const paragraphIds = out.flatMap((a) => a.paragraphs.map((p) => p.id));
    expect(new Set(paragraphIds).size).toBe(paragraphIds.length);
    for (const a of out) for (const p of a.paragraphs) expect(p.id).toBe(`${a.id}#p${p.n}`);
  });

  it("stops at the first article that reaches the target", () => {
    const out = replicateArticles(base, 23);
    expect(countPassages(out.slice(0, -1))).toBeLessThan(23);
  });

  it("keeps the originals first and untouched", () => {
    const out = replicateArticles(base, 12);
    expect(out.slice(0, 3)).toEqual(base);
    expect(out[3]!.id).toBe("a.txt~r1");
  });

  it("cuts a corpus larger than the target to a prefix, without copies", () => {
    const out = replicateArticles(base, 2);
    expect(out.map((a) => a.id)).toEqual(["a.txt"]);
  });

  it("keeps every offset valid: same text lengths, same paragraph ranges", () => {
    const out = replicateArticles(base, 40);
    for (const copy of out.slice(3)) {
      const original = base.find((a) => copy.id.startsWith(a.id + "~r"))!;
      expect(copy.text.length).toBe(original.text.length);
      expect(copy.paragraphs.map((p) => [p.n, p.start, p.end, p.role])).toEqual(original.paragraphs.map((p) => [p.n, p.start, p.end, p.role]));
    }
  });

  it("is deterministic", () => {
    expect(replicateArticles(base, 40)).toEqual(replicateArticles(base, 40));
  });

  it("refuses a target that is not a positive integer", () => {
    expect(() => replicateArticles(base, 0)).toThrow(RangeError);
    expect(() => replicateArticles(base, 1.5)).toThrow(RangeError);
  });
});

describe("perturbation", () => {
  it("finds the words seen at most RARE_MAX times", () => {
    const rare = rareWords(base);
    expect(rare.has("zanzibarian")).toBe(true);
    expect(rare.has("government")).toBe(false); // 4 times: more than RARE_MAX
    expect(RARE_MAX).toBeLessThan(4);
  });

  it("keeps common words and respells some rare ones, consistently within a replica", () => {
    const words = Array.from({ length: 30 }, (_, i) => `rare${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const rare = new Set(words);
    const text = `The government said ${words.join(" ")} and ${words.join(" ")}`;
    const out = perturbText(text, 1, rare);
    expect(out.length).toBe(text.length);
    expect(out.startsWith("The government said ")).toBe(true);
    const before = text.split(" ");
    const after = out.split(" ");
    const changed = before.filter((w, i) => w !== after[i]).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(before.length - 4);
    // The same word gets the same spelling everywhere in one replica.
    const half = words.length + 4;
    expect(after.slice(3, 3 + words.length)).toEqual(after.slice(half, half + words.length));
  });

  it("gives different replicas different spellings", () => {
    const rare = new Set(["kowalczyk", "zanzibarian", "quixotic", "marrakesh", "tbilisian", "hrodna"]);
    const text = "Kowalczyk Zanzibarian Quixotic Marrakesh Tbilisian Hrodna";
    const spellings = new Set(Array.from({ length: 8 }, (_, r) => perturbText(text, r + 1, rare)));
    expect(spellings.size).toBeGreaterThan(4);
  });

  it("respell changes exactly one interior letter and keeps its case", () => {
    for (let seed = 0; seed < 200; seed += 7) {
      const out = respell("Kowalczyk", hash32(String(seed)));
      expect(out.length).toBe(9);
      expect(out[0]).toBe("K");
      expect(out[8]).toBe("k");
      const diffs = [...out].filter((ch, i) => ch !== "Kowalczyk"[i]);
      expect(diffs).toHaveLength(1);
      expect(diffs[0]).toMatch(/[a-z]/);
    }
  });
});

describe("mergeArticles", () => {
  it("keeps ids unique across corpora by prefixing the later corpus's label", () => {
    const merged = mergeArticles([
      { label: "bbc", articles: [makeArticle("1", ["One."]), makeArticle("2", ["Two."])] },
      { label: "reuters", articles: [makeArticle("1", ["Uno."]), makeArticle("3", ["Three."])] },
    ]);
    expect(merged.map((a) => a.id)).toEqual(["1", "2", "reuters/1", "3"]);
    expect(merged[2]!.paragraphs[0]!.id).toBe("reuters/1#p1");
    expect(merged[2]!.text).toBe("Uno.");
  });
});
