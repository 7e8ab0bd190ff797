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
