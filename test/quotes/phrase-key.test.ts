/** phraseKey's quick way for ASCII text gives exactly the key of its definition (fold, then punctuation to spaces). */
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { foldedPhraseKey, phraseKey } from "../../src/quotes/phrase-key.js";

describe("phraseKey", () => {
  it("keys ASCII and other text as its definition does", async () => {
    const texts = ["", "  ", "--", "A", "U.S. troops", "  Hello,   World!  ", "3.9% of 4,000", "don't", "ÉCOLE Straße", "Kiev's “war”", "a\tb\nc", "x_y-z"];
    for (const article of (await loadCorpus("seeds")).articles) texts.push(...article.text.split("\n"), article.text);
    // Pseudo-random ASCII strings, every character class mixed.
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let s = "";
      for (let i = 0; i < n % 40; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += String.fromCharCode(seed % 128);
      }
      texts.push(s);
    }
    for (const text of texts) expect(phraseKey(text), JSON.stringify(text)).toBe(foldedPhraseKey(text));
    expect(phraseKey("  Hello,   World!  ")).toBe("hello world");
    expect(phraseKey("ÉCOLE Straße")).toBe("ecole strasse");
  });
});
