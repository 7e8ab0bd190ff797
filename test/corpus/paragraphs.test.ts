import { articleFromText } from "../../src/corpus/article.js";
import { describe, expect, it } from "vitest";
import { decodeBytes, decodeWindows1252, looksBinary } from "../../src/corpus/decode.js";
import { splitBlocks } from "../../src/corpus/paragraphs.js";

const texts = (text: string) => splitBlocks(text).map((b) => b.text);

describe("splitBlocks", () => {
  it("splits on single line breaks and on blank lines alike", () => {
    expect(texts("Title\nFirst paragraph.\nSecond one.")).toEqual(["Title", "First paragraph.", "Second one."]);
    expect(texts("Title\n\nFirst paragraph.\n\n\nSecond one.\n")).toEqual(["Title", "First paragraph.", "Second one."]);
  });

  it("gives offsets into the text, trimmed, with CRLF line ends and indentation", () => {
    const text = "  Title  \r\n\r\n\tFirst paragraph. \r\nSecond one.\r\n";
    const blocks = splitBlocks(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(["Title", "First paragraph.", "Second one."]);
    expect(blocks.every((b) => b.text === text.slice(b.start, b.end))).toBe(true);
  });

  it("splits only the given range", () => {
    const text = "---\ntitle: X\n---\nBody line.\n";
    expect(splitBlocks(text, 16).map((b) => [b.text, b.start])).toEqual([["Body line.", 17]]);
  });

  it("joins hard-wrapped lines and starts paragraphs at indented lines", () => {
    const text = [
      "Showers continued throughout the week in",
      "the Bahia cocoa zone, alleviating the drought since early",
      "January, Comissaria Smith said in its weekly review.",
      "    The dry period means the temporao will be late this year.",
      "    Arrivals for the week ended February 22 were 155,221 bags",
      "of 60 kilos making a cumulative total for the season.",
    ].join("\n");
    const blocks = texts(text);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^Showers .*weekly review\.$/s);
    expect(blocks[2]).toBe("Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season.");
  });

  it("keeps short table rows of wrapped text apart, but joins a short line the sentence carries on from", () => {
    const text = [
      "Computer Terminal Systems Inc said",
      "it has completed the sale of 200,000 shares of its common stock,",
      "and warrants to acquire an additional one mln shares, to Sedio",
      "N.V. of Lugano, Switzerland for 50,000 dlrs.",
      "    Shr 37 cts vs 77 cts",
      "Net 801,000 vs 1,329,000",
    ].join("\n");
    const blocks = texts(text);
    expect(blocks).toEqual([
      expect.stringMatching(/^Computer Terminal Systems Inc said\nit has completed .* 50,000 dlrs\.$/s),
      "Shr 37 cts vs 77 cts",
      "Net 801,000 vs 1,329,000",
    ]);
  });

  it("never joins one-paragraph-per-line text with long lines", () => {
    const long = "A sentence that is long enough to pass any wrapping column, and it goes on for a while longer than that";
    expect(texts(`${long} one\n${long} two\nShort close`)).toHaveLength(3);
  });

  it("returns nothing for blank text", () => {
    expect(splitBlocks(" \n\n\t\n")).toEqual([]);
    expect(splitBlocks("")).toEqual([]);
  });
});

describe("decoding", () => {
  it("decodes UTF-8 and drops a BOM, so offsets start at the first character", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Spoljarić’s")]);
    expect(decodeBytes(bytes)).toEqual({ text: "Spoljarić’s", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 for invalid UTF-8", () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x92, 0x73, 0x20, 0x80, 0x35, 0x81]);
    expect(decodeBytes(bytes)).toEqual({ text: "Café’s €5\u0081", encoding: "windows-1252" });
    expect(decodeWindows1252(new Uint8Array([0x93, 0x94, 0x96, 0x97, 0xa3]))).toBe("“”–—£");
  });

  it("reads UTF-16 with a BOM and calls NUL bytes binary otherwise", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(looksBinary(utf16)).toBe(false);
    expect(decodeBytes(utf16)).toEqual({ text: "Hi", encoding: "utf-16le" });
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode("plain text"))).toBe(false);
  });
});

/** A document's paragraphs as the corpus reader gives them: role, text, and the offsets checked. */
function paragraphsOf(text: string): Array<{ role: string; text: string }> {
  const { article } = articleFromText("wire.txt", "wire.txt", text);
  return article.paragraphs.map((p) => {
    const shown = article.text.slice(p.start, p.end);
    expect(shown).toBe(shown.trim());
    return { role: p.role, text: shown.replace(/\s+/g, " ") };
  });
}

describe("hard-wrapped documents", () => {
  it("joins wrapped lines that each stand between blank lines, and keeps a real headline", () => {
    const lines = [
      "Ferry strike ends after three days",
      "The ferry crews of the northern harbour went back to work on",
      "Thursday morning after their union accepted a pay offer that",
      "came a week before the walkout.",
      "Passengers who had waited since Monday crowded the first",
      "sailings, and the operator added two boats to the timetable",
      "for the weekend.",
      "A spokeswoman for the union said the members had voted by a",
      "wide margin to accept, and that the talks had been calm.",
    ];
    const text = lines.join("\n\n") + "\n";
    const { article } = articleFromText("wire.txt", "wire.txt", text);
    expect(article.title).toBe("Ferry strike ends after three days");
    expect(paragraphsOf(text)).toEqual([
      { role: "headline", text: lines[0] },
      { role: "body", text: lines.slice(1, 4).join(" ") },
      { role: "body", text: lines.slice(4, 7).join(" ") },
      { role: "body", text: lines.slice(7).join(" ") },
    ]);
  });

  it("ends paragraphs of text set in capitals on sentence punctuation, not on the next line's case", () => {
    const text = [
      "GRAIN SILO PROJECT APPROVED",
      "",
      "THE REGIONAL COUNCIL APPROVED ON MONDAY THE BUILDING OF A NEW",
      "GRAIN SILO AT THE RIVER PORT, ENDING A DISPUTE THAT HAD LASTED",
      "SINCE",
      "LAST SPRING, A COUNCIL SPOKESMAN SAID.",
      "THE SILO WILL HOLD 40,000 TONNES AND SHOULD OPEN NEXT YEAR.",
      "FARMERS IN THE VALLEY HAD ASKED FOR MORE STORAGE FOR YEARS,",
      "SAYING THAT THE OLD SHEDS LOST A SHARE OF EVERY HARVEST.",
    ].join("\n");
    const { article } = articleFromText("caps.txt", "caps.txt", text);
    expect(article.title).toBe("GRAIN SILO PROJECT APPROVED");
    expect(paragraphsOf(text)).toEqual([
      { role: "headline", text: "GRAIN SILO PROJECT APPROVED" },
      {
        role: "body",
        text: "THE REGIONAL COUNCIL APPROVED ON MONDAY THE BUILDING OF A NEW GRAIN SILO AT THE RIVER PORT, ENDING A DISPUTE THAT HAD LASTED SINCE LAST SPRING, A COUNCIL SPOKESMAN SAID.",
      },
      { role: "body", text: "THE SILO WILL HOLD 40,000 TONNES AND SHOULD OPEN NEXT YEAR." },
      { role: "body", text: "FARMERS IN THE VALLEY HAD ASKED FOR MORE STORAGE FOR YEARS, SAYING THAT THE OLD SHEDS LOST A SHARE OF EVERY HARVEST." },
    ]);
  });

  it("tells wrapping per document: a wider gap than the usual one ends a paragraph", () => {
    const first = ["The museum reopened its east wing to visitors on Saturday after", "a renovation that took two years and cost more than planned."];
    const second = ["Its director said the new rooms would show the collection of", "maps that had been kept in storage since the flood of the old days."];
    const text = [...first, "", "", "", ...second].join("\n\n");
    expect(texts(text)).toEqual([first.join("\n\n"), second.join("\n\n")]);
  });
});
