import { describe, expect, it } from "vitest";
import { buildQuoteBook, CorpusQuoteBook } from "../../../src/quotes/book.js";
import { decodeQuotes, encodeQuotes } from "../../../src/quotes/snapshot-codec.js";
import { ROLE_SPEAKER_CONFIDENCE, rolePhrases } from "../../../src/quotes/rules/role-speaker.js";
import { article, find, quotesOf } from "../helpers.js";

describe("rule: role speaker", () => {
  it("reads the organisation before or after the role, or as its owner", () => {
    const text = "A Ministry of Transport spokeswoman said so. A spokesman for the Harbour Board said no. The mayor's official spokesman said yes.";
    const phrases = rolePhrases(text, 0, text.length, []);
    expect(phrases.map((p) => [p.organisation?.text, p.qualifier, p.head])).toEqual([
      ["Ministry of Transport", "", "spokeswoman"],
      ["Harbour Board", "", "spokesman"],
      ["mayor", "official", "spokesman"],
    ]);
  });

  it("names an unnamed official by role and organisation, and the pronouns after it go to the role", () => {
    const quotes = quotesOf(
      "Councillor Jane Whitby opened the new bridge on Monday.",
      "“The tolls will stay for ten years,” a spokesman for the Harbour Board said. “We have no choice,” he added.",
      "“It is a good day for the town,” said a Ministry of Transport spokeswoman.",
      "The mayor's official spokesman said: “The mayor will not comment.”",
    );
    expect(find(quotes, "The tolls")).toMatchObject({ speaker: "Harbour Board spokesman", confidence: ROLE_SPEAKER_CONFIDENCE });
    expect(find(quotes, "We have no choice").speaker).toBe("Harbour Board spokesman");
    expect(find(quotes, "It is a good day").speaker).toBe("Ministry of Transport spokeswoman");
    expect(find(quotes, "The mayor will").speaker).toBe("Mayor’s official spokesman");
  });

  it("reads a body noun as the latest body named, and names no one without an organisation", () => {
    const quotes = quotesOf(
      "Shares in Kestrel Mining fell sharply on Friday.",
      "“The field is still worth developing,” a spokesman for the firm said.",
      "“Nothing has been decided,” a spokesman said.",
    );
    expect(find(quotes, "The field")).toMatchObject({ speaker: "Kestrel Mining spokesman" });
    expect(find(quotes, "The field").confidence).toBeLessThan(ROLE_SPEAKER_CONFIDENCE);
    expect(find(quotes, "Nothing has been")).toMatchObject({ speaker: null });
  });

  it("is a speaker of kind role, linked to its organisation and found under the organisation's name", () => {
    const book = buildQuoteBook({
      articles: [article("a.txt", ["Headline", "“The tolls will stay,” a spokesman for the Harbour Board said.", "“We will appeal,” the Harbour Board said in a statement."])],
    });
    const role = book.speakers.resolve("Harbour Board spokesman");
    expect(role).toMatchObject({ kind: "role", organisation: "Harbour Board" });
    const byBoard = book.search({ speaker: "Harbour Board", words: [], phrases: [] }, { offset: 0, limit: 10 });
    expect(byBoard.hits.map((h) => h.quotation.text).sort()).toEqual(["The tolls will stay,", "We will appeal,"]);
    const byRole = book.search({ speaker: "Harbour Board spokesman", words: [], phrases: [] }, { offset: 0, limit: 10 });
    expect(byRole.hits.map((h) => h.quotation.text)).toEqual(["The tolls will stay,"]);
  });
});

describe("role speakers in the quotation snapshot", () => {
  it("keep their kind and organisation, and the organisation still finds them, after a round trip", () => {
    const articles = [article("a.txt", ["Headline", "“The tolls will stay,” a spokesman for the Harbour Board said."])];
    const book = buildQuoteBook({ articles });
    const { layout, sections } = encodeQuotes(book.extracted(), book.topicIndex, () => book.freshTopicIndex(), book.derivedState());
    const bytes = new Uint8Array(sections.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of sections) bytes.set(s, (at += s.length) - s.length);
    const decoded = decodeQuotes(JSON.parse(JSON.stringify(layout)) as typeof layout, bytes, articles);
    const restored = CorpusQuoteBook.restored(decoded.entries, decoded.index, decoded.state);
    expect(restored.speakers.resolve("Harbour Board spokesman")).toMatchObject({ kind: "role", organisation: "Harbour Board" });
    expect(decoded.entries[0]!.extracted.named.find((n) => n.kind === "role")).toMatchObject({ organisation: "Harbour Board" });
    const byBoard = restored.search({ speaker: "Harbour Board", words: [], phrases: [] }, { offset: 0, limit: 10 });
    expect(byBoard.hits.map((h) => h.quotation.text)).toEqual(["The tolls will stay,"]);
  });
});

describe("rule: role speaker (near a person, a relative clause, a titled owner)", () => {
  it("names a source close to someone as printed, and reaches the verb across a relative clause", () => {
    const quotes = quotesOf(
      "Councillor Jane Whitby opened the new bridge on Monday.",
      "“She will not stand again,” said a longtime adviser to Jane Whitby.",
      "Although nobody spoke for Whitby's office, a source close to the Harbour Board who asked not to be named said Tuesday, “The tolls will go.”",
      "“It is a fair price,” said a spokeswoman for independent candidate Omar Haddad.",
    );
    expect(find(quotes, "She will not").speaker).toBe("Jane Whitby’s longtime adviser");
    expect(find(quotes, "The tolls will go").speaker).toBe("Source close to the Harbour Board");
    expect(find(quotes, "It is a fair price").speaker).toBe("Omar Haddad’s spokeswoman");
  });

  it("prints what the source is familiar with whole, not cut at the possessive", () => {
    const quotes = quotesOf(
      "“The files were taken in March,” a source familiar with the Harbour Board’s internal review said.",
      "Another source familiar with Whitby’s thinking said, “She will run again.”",
    );
    expect(find(quotes, "The files were").speaker).toBe("Source familiar with the Harbour Board’s internal review");
    expect(find(quotes, "She will run").speaker).toBe("Source familiar with Whitby’s thinking");
  });
});

describe("rule: role speaker (described roles, lower-case owners, one-word bodies)", () => {
  it("reads descriptions around the organisation and a lower-case word opening it, never a quantifier", () => {
    const quotes = quotesOf(
      "Councillor Jane Whitby and her husband Tom Whitby opened the new bridge on Monday.",
      "“The tolls will stay,” said one unaligned Harbour Party strategist.",
      "“The checks were skipped,” said a former U.S. harbour safety official.",
      "“We were never asked,” said a spokesman for council Independents.",
      "“They will be back,” said a longtime adviser to both Whitbys.",
    );
    expect(find(quotes, "The tolls will stay").speaker).toBe("Harbour Party strategist");
    expect(find(quotes, "The checks were").speaker).toBe("U.S. harbour safety official");
    expect(find(quotes, "We were never").speaker).toBe("Council Independents spokesman");
    expect(find(quotes, "They will be back").speaker).toBeNull();
  });

  it("names a one-word owner we cannot tell to be a person as a body, and a count is no organisation", () => {
    const quotes = quotesOf(
      "Shares in Kestrel fell on the news.",
      "“There is nothing to add,” the Kestrel spokeswoman said.",
      "“We will strike,” about 500 officials said.",
    );
    expect(find(quotes, "There is nothing")).toMatchObject({ speaker: "Kestrel spokeswoman" });
    expect(find(quotes, "We will strike").speaker).toBeNull();
  });
});

describe("rule: role speaker (a plural role without an article)", () => {
  it("reads “Officials at X” and “lawyers for X” as the organisation's or person's role", () => {
    const quotes = quotesOf(
      "The audit of the harbour found gaps in the checks.",
      "Officials at the Harbour Safety Agency, a branch of the port authority, said smugglers “may try new routes.”",
      "Councillor Jane Whitby was fined on Friday. The lawyers for Jane Whitby said: “We will appeal.”",
    );
    expect(find(quotes, "may try new routes")).toMatchObject({ speaker: "Harbour Safety Agency officials" });
    expect(find(quotes, "We will appeal")).toMatchObject({ speaker: "Jane Whitby’s lawyers" });
  });
});
