import { describe, expect, it } from "vitest";
import type { Article } from "../../src/corpus/types.js";
import { storedQuotation, textHash, withSpeaker } from "../../src/quotes/stored-quotation.js";
import type { Quotation } from "../../src/quotes/types.js";

const TEXT = "The minister said: “We will look at every option.” Talks resume on Monday.";
const START = TEXT.indexOf("“") + 1;
const END = TEXT.indexOf("”");

/** An article whose text counts how often it is read (as an article of the corpus snapshot reads its file). */
function countingArticle(text: string): { article: Article; reads: () => number } {
  let reads = 0;
  const article = {
    id: "doc-1",
    get text() {
      reads++;
      return text;
    },
  } as unknown as Article;
  return { article, reads: () => reads };
}

const fields: Quotation = {
  id: "doc-1#q0",
  doc: "doc-1",
  start: START,
  end: END,
  text: "",
  speaker: "Jane Doe",
  kind: "direct",
  cue: "said",
  mention: "The minister",
  confidence: 0.9,
  paragraph: 1,
  evidence: "cue",
  hearsay: null,
};

describe("a quotation restored from the snapshot", () => {
  it("reads its text from the article only when asked, as a value to a spread or a structured copy", () => {
    const { article, reads } = countingArticle(TEXT);
    const q = storedQuotation(fields, article, textHash(TEXT, START, END));
    expect(reads()).toBe(0);
    expect(q.text).toBe("We will look at every option.");
    expect({ ...q }).toEqual({ ...fields, text: "We will look at every option." });
    expect(structuredClone(q)).toEqual({ ...fields, text: "We will look at every option." });
    // The usual order of a quotation's fields (JSON answers keep it).
    expect(Object.keys(q)).toEqual(Object.keys(fields));
    expect(reads()).toBeGreaterThan(0);
  });

  it("refuses to show a span that no longer reads the words extracted", () => {
    const { article } = countingArticle(TEXT.replace("every", "each"));
    const q = storedQuotation(fields, article, textHash(TEXT, START, END));
    expect(() => q.text).toThrow(/does not read its article/);
  });

  it("takes another speaker's name without reading its text, and stays lazy and checked", () => {
    const { article, reads } = countingArticle(TEXT);
    const q = storedQuotation(fields, article, textHash(TEXT, START, END));
    const renamed = withSpeaker(q, "Jane Q. Doe");
    expect(reads()).toBe(0);
    expect(renamed.speaker).toBe("Jane Q. Doe");
    expect(q.speaker).toBe("Jane Doe");
    expect(renamed.text).toBe("We will look at every option.");
    expect({ ...renamed }).toEqual({ ...fields, speaker: "Jane Q. Doe", text: "We will look at every option." });
  });

  it("copies a quotation held in memory under another speaker's name", () => {
    const plain = { ...fields, text: "We will look at every option." };
    const renamed = withSpeaker(plain, null);
    expect(renamed).toEqual({ ...plain, speaker: null });
    expect(plain.speaker).toBe("Jane Doe");
  });
});
