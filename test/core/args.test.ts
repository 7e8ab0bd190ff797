import { describe, expect, it } from "vitest";
import { parseArgs, splitCommand } from "../../src/core/args.js";

describe("parseArgs", () => {
  it("separates words, quoted phrases and key:value filters", () => {
    const args = parseArgs(`POW video outlet:TASS "prisoners of war" after:2023-01-01`);
    expect(args.words).toEqual(["POW", "video"]);
    expect(args.phrases).toEqual(["prisoners of war"]);
    expect(args.filters).toEqual({ outlet: "TASS", after: "2023-01-01" });
    expect(args.terms.map((t) => t.text)).toEqual(["POW", "video", "prisoners of war"]);
  });

  it("reads quoted filter values with spaces and curly quotes", () => {
    expect(parseArgs(`by:"Maria Zakharova" investigation`).filters).toEqual({ by: "Maria Zakharova" });
    expect(parseArgs(`by:“Sergei Lavrov” Minsk`).filters.by).toBe("Sergei Lavrov");
    expect(parseArgs(`“infamous video”`).phrases).toEqual(["infamous video"]);
  });

  it("lower-cases filter keys and keeps a colon without a value as a word", () => {
    expect(parseArgs("Outlet:Reuters").filters).toEqual({ outlet: "Reuters" });
    expect(parseArgs("Kyiv: latest").words).toEqual(["Kyiv:", "latest"]);
    expect(parseArgs("10:30 meeting").words).toEqual(["10:30", "meeting"]);
  });

  it("takes the rest of the text for an unclosed quotation mark and ignores empty phrases", () => {
    expect(parseArgs(`"unclosed phrase here`).phrases).toEqual(["unclosed phrase here"]);
    expect(parseArgs(`"" word`).phrases).toEqual([]);
    expect(parseArgs("   ").terms).toEqual([]);
  });
});

describe("splitCommand", () => {
  it("splits the command name from its text", () => {
    expect(splitCommand("/Quote  Lavrov Minsk ")).toEqual({ name: "quote", rest: "Lavrov Minsk" });
    expect(splitCommand("sources")).toEqual({ name: "sources", rest: "" });
    expect(splitCommand("/sources\nKyiv")).toEqual({ name: "sources", rest: "Kyiv" });
  });

  it("returns null for text that names no command", () => {
    expect(splitCommand("")).toBeNull();
    expect(splitCommand("  / ")).toBeNull();
    expect(splitCommand("!!!")).toBeNull();
  });
});
