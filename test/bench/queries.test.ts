import { describe, expect, it } from "vitest";
import { parseArgs, splitCommand } from "../../src/core/args.js";
import { MAX_INPUT_LENGTH } from "../../src/core/command.js";
import { BENCH_QUERIES, queriesFor, queryInput, type QueryKind } from "../../bench/queries.js";
import { editDistance } from "../../src/text/edit-distance.js";

const KINDS: QueryKind[] = ["common", "rare", "misspelled", "long"];

describe("the benchmark's query set", () => {
  it("has every kind of query for both commands", () => {
    for (const command of ["sources", "quote"] as const) {
      const kinds = new Set(queriesFor(command).map((q) => q.kind));
      expect([...kinds].sort()).toEqual([...KINDS].sort());
    }
  });

  it("names the misspellings the issue asks for", () => {
    const typed = BENCH_QUERIES.filter((q) => q.kind === "misspelled").map((q) => q.text);
    expect(typed).toContain("Zaharova");
    expect(typed).toContain("Guteres");
  });

  it("has no duplicates", () => {
    const inputs = BENCH_QUERIES.map(queryInput);
    expect(new Set(inputs).size).toBe(inputs.length);
  });

  it("writes long queries of 12 words or more, and the others shorter", () => {
    for (const q of BENCH_QUERIES) {
      const words = q.text.split(/\s+/).length;
      if (q.kind === "long") expect(words, q.text).toBeGreaterThanOrEqual(12);
      else expect(words, q.text).toBeLessThan(12);
    }
  });

  it("misspells each name by one or two edits of the spelling meant", () => {
    for (const q of BENCH_QUERIES.filter((x) => x.kind === "misspelled")) {
      expect(q.meant, q.text).toBeDefined();
      const distance = editDistance(q.text.toLowerCase(), q.meant!.toLowerCase(), 5);
      expect(distance, q.text).toBeGreaterThanOrEqual(1);
      expect(distance, q.text).toBeLessThanOrEqual(2);
    }
    expect(BENCH_QUERIES.filter((q) => q.kind !== "misspelled").every((q) => q.meant === undefined)).toBe(true);
  });

  it("reads as the chat command it names, within the input limit, with bare words only", () => {
    for (const q of BENCH_QUERIES) {
      const split = splitCommand(queryInput(q));
      expect(split?.name).toBe(q.command);
      expect(split!.rest.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
      const args = parseArgs(split!.rest);
      expect(args.phrases).toEqual([]);
      expect(args.filters).toEqual({});
      expect(args.words.join(" ")).toBe(q.text);
    }
  });
});
