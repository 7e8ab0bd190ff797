import { describe, expect, it } from "vitest";
import { checkedParts } from "../../src/checked-file.js";
import { runToEnd } from "../../src/statements/steps.js";
import { PackedDocMap } from "../../src/index/packed-postings.js";
import { laidOut, restoreTermsSteps, SECTION_ALIGNMENT, SectionReader, termSectionsSteps } from "../../src/index/snapshot-sections.js";
import { TermIndex } from "../../src/index/term-index.js";

const binaryOf = (parts: Uint8Array[]) => Buffer.concat(parts);

describe("snapshot sections (the one codec of the index snapshots)", () => {
  it("reads back each section, as views over the bytes when they are aligned", () => {
    const ints = Int32Array.from([-1, 7, 2 ** 31 - 1]);
    const floats = Float64Array.from([0.5, -3.25]);
    const bytes = Uint8Array.from([1, 2, 3]);
    const uints = Uint32Array.from([4, 2 ** 32 - 1]);
    const { parts, sizes } = laidOut([ints, floats, bytes, uints]);
    expect(sizes).toEqual([12, 16, 3, 8]);
    // Each section starts on a multiple of 8 bytes.
    const binary = binaryOf(parts);
    expect(binary.length).toBe(16 + 16 + 8 + 8);
    const aligned = new Uint8Array(new ArrayBuffer(binary.length + 8), 8, binary.length);
    aligned.set(binary);
    const reader = new SectionReader(aligned, sizes);
    const readInts = reader.int32s(0, 3);
    expect([...readInts]).toEqual([...ints]);
    expect(readInts.buffer).toBe(aligned.buffer);
    expect([...reader.float64s(1, 2)]).toEqual([...floats]);
    expect(reader.float64s(1).buffer).toBe(aligned.buffer);
    expect([...reader.bytes(2, 3)]).toEqual([...bytes]);
    expect([...reader.uint32s(3)]).toEqual([...uints]);
  });

  it("copies a section that is not aligned, with the same values", () => {
    const floats = Float64Array.from([1.5, 2.5]);
    const { parts, sizes } = laidOut([floats]);
    // A Buffer, whose `slice` is a view: the copy must be a real one.
    const shifted = Buffer.from(new ArrayBuffer(17), 1, 16);
    shifted.set(binaryOf(parts));
    const read = new SectionReader(shifted, sizes).float64s(0, 2);
    expect([...read]).toEqual([1.5, 2.5]);
    expect(read.buffer).not.toBe(shifted.buffer);
  });

  it("refuses sizes that do not add up, and sections of the wrong length (a damaged file)", () => {
    const { parts, sizes } = laidOut([Int32Array.from([1, 2]), Uint8Array.from([9])]);
    const binary = binaryOf(parts);
    expect(() => new SectionReader(binary, [8, 9])).toThrow(/wrong size/);
    expect(() => new SectionReader(binary.subarray(0, binary.length - 1), sizes)).toThrow(/wrong size/);
    const reader = new SectionReader(binary, sizes);
    expect(() => reader.int32s(0, 3)).toThrow(/wrong size/);
    expect(() => reader.int32s(1)).toThrow(/whole number/);
  });

  it("saves a term index's terms in the dictionary's order, packed or not, and restores the same postings", () => {
    const index = new TermIndex();
    index.add(3, ["zebra", "apple", "zebra"]);
    index.add(1, ["apple"]);
    index.add(2, ["mango", "zebra"]);
    // Terms still in Maps (as a live change leaves them) are packed by the encoder.
    const sections = runToEnd(termSectionsSteps(index));
    const order = [...index.terms.keys()];
    expect([...sections.terms].sort()).toEqual(["apple", "mango", "zebra"]);
    expect(sections.terms).toEqual(order);
    expect([...sections.counts]).toEqual(order.map((term) => index.terms.get(term)!.size));
    const restored = new TermIndex({ documentCount: 3, nextId: 3, averageLength: 2, lengths: Uint32Array.from([3, 1, 2]) });
    runToEnd(restoreTermsSteps(restored, sections));
    expect([...restored.terms.keys()].sort()).toEqual([...order].sort());
    for (const term of ["zebra", "apple", "mango"]) {
      const postings = restored.terms.get(term)!;
      expect(postings).toBeInstanceOf(PackedDocMap);
      expect([...postings]).toEqual([...index.terms.get(term)!].sort((a, b) => a[0] - b[0]));
    }
    // More documents than its bytes can hold.
    const counts = sections.counts.slice();
    counts[0] = sections.byteLengths[0]!;
    expect(() => runToEnd(restoreTermsSteps(new TermIndex(), { ...sections, counts }))).toThrow(/damaged/);
  });

  it("pads the header line so that a file's sections start on a multiple of 8 bytes", () => {
    for (const lines of [[], [{ a: 1 }], [["x".repeat(13)], { b: "é" }]]) {
      const { parts } = laidOut([Int32Array.from([5])]);
      const [header, text] = checkedParts({ path: "unused", header: { format: 1 }, lines, sections: parts });
      expect((header!.length + text!.length) % SECTION_ALIGNMENT).toBe(0);
      expect(JSON.parse(Buffer.from(header!).toString("utf8"))).toMatchObject({ format: 1 });
    }
  });
});
