import { describe, expect, it } from "vitest";
import { learnAcronyms } from "../../src/search/acronyms.js";
import { analyze, analyzeTerms, Lexicon, normalizeTerm, stem, tokenize } from "../../src/text/analysis.js";
import { foldText } from "../../src/text/fold.js";

describe("tokenize", () => {
  it("gives words with offsets into the text", () => {
    const text = "Russia’s cooperation with the ICRC, Nagorno-Karabakh; U.S. officials";
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.term);
    expect(tokens.map((t) => t.term)).toEqual(["Russia’s", "cooperation", "with", "the", "ICRC", "Nagorno", "Karabakh", "U.S.", "officials"]);
  });

  it("keeps numbers with separators whole", () => {
    expect(tokenize("sales fell 3.9 pct to 4,000 cars, in 2022.").map((t) => t.term)).toEqual(["sales", "fell", "3.9", "pct", "to", "4,000", "cars", "in", "2022"]);
    expect(normalizeTerm("3.9")).toBe("3.9");
    expect(normalizeTerm("7")).toBeNull();
  });

  it("keeps decomposed diacritics inside the word", () => {
    const text = "Spoljaric\u0301 said";
    expect(tokenize(text)[0]!.term).toBe("Spoljaric\u0301");
  });
});

describe("normalizeTerm", () => {
  it("folds case and diacritics", () => {
    expect(normalizeTerm("Spoljarić")).toBe("spoljaric");
    expect(normalizeTerm("SPOLJARIC")).toBe(normalizeTerm("Spoljaric"));
    expect(normalizeTerm("António")).toBe("antonio");
    expect(foldText("Straße Łódź")).toBe("strasse lodz");
  });

  it("drops possessives and apostrophes", () => {
    expect(normalizeTerm("Russia’s")).toBe("russia");
    expect(normalizeTerm("Russia's")).toBe("russia");
    expect(normalizeTerm("ICRC’s")).toBe("icrc");
  });

  it("drops stop words", () => {
    for (const w of ["the", "The", "of", "and", "don't", "us"]) expect(normalizeTerm(w)).toBeNull();
  });

  it("keeps glossary acronyms that spell a stop word when written in capitals", () => {
    expect(normalizeTerm("US")).toBe("us");
    expect(normalizeTerm("U.S.")).toBe("us");
    expect(normalizeTerm("WHO")).toBe("who");
    expect(normalizeTerm("who")).toBeNull();
  });

  it("stems English plurals lightly", () => {
    expect(normalizeTerm("bombardments")).toBe(normalizeTerm("bombardment"));
    expect(normalizeTerm("children")).toBe(normalizeTerm("child"));
    expect(normalizeTerm("prisoners")).toBe(normalizeTerm("prisoner"));
    expect(normalizeTerm("POWs")).toBe(normalizeTerm("POW"));
    expect(normalizeTerm("cities")).toBe("city");
    expect(normalizeTerm("churches")).toBe("church");
    expect(stem("news")).toBe("news");
    expect(stem("crisis")).toBe("crisis");
    expect(stem("status")).toBe("status");
    // An acronym is not a plural: AIDS is not aid.
    expect(normalizeTerm("AIDS")).not.toBe(normalizeTerm("aid"));
  });

  it("maps transliteration variants to one spelling", () => {
    const pairs = [
      ["Kiev", "Kyiv"], ["Donbass", "Donbas"], ["Lugansk", "Luhansk"], ["Kharkov", "Kharkiv"],
      ["Sergey", "Sergei"], ["Marija", "Maria"], ["Zelensky", "Zelenskyy"], ["Odessa", "Odesa"],
      ["Kiev’s", "Kyiv"],
    ];
    for (const [a, b] of pairs) expect(normalizeTerm(a!), `${a} ~ ${b}`).toBe(normalizeTerm(b!));
    expect(normalizeTerm("Kiev")).not.toBe(normalizeTerm("Kharkiv"));
  });
});

describe("analyze", () => {
  it("reads a headline set in capitals as ordinary words, glossary acronyms kept", () => {
    expect(analyze("U.S. INTEREST RATES AND TALKS SEEN HIGHER")).toEqual(analyze("U.S. interest rates and talks seen higher"));
    expect(analyze("U.S. INTEREST RATES AND TALKS SEEN HIGHER")).toContain("rate");
    expect(analyze("U.S. INTEREST RATES AND TALKS SEEN HIGHER")).toContain("us");
    // A glossary acronym that is also a common word is the word in capitals, unless dotted or in cased text.
    expect(analyze("THE MINISTER WHO SPOKE TOLD US THAT IT WOULD RAIN ON FRIDAY")).toEqual(["minister", "spoke", "told", "rain", "friday"]);
    expect(analyze("THE MINISTER TOLD U.S. OFFICIALS ABOUT THE RAIN")).toContain("us");
    expect(analyze("The WHO said the outbreak was over")).toContain("who");
    // A short acronym in ordinary text stays an acronym.
    expect(analyze("Drugs for AIDS patients")).toContain("aids");
  });
});

describe("acronyms", () => {
  it("adds the glossary acronym to a passage that spells it out, in either order", () => {
    expect(analyze("the execution of unarmed prisoners of war")).toContain("pow");
    expect(analyze("the shooting of unarmed war prisoners")).toContain("pow");
    expect(analyze("Ukrainian POWs captured by the Russians")).toContain("pow");
    expect(analyze("a decision of the International Criminal Court")).toContain("icc");
    expect(analyze("the prisoners. Of war there was no sign")).not.toContain("pow");
  });

  it("spans the acronym term over the words that spell it", () => {
    const text = "videos of prisoners of war";
    const pow = analyzeTerms(text).find((t) => t.term === "pow")!;
    expect(text.slice(pow.start, pow.end)).toBe("prisoners of war");
  });

  it("learns acronyms the text defines, in both orders", () => {
    const learned = learnAcronyms(
      "talks with International Committee of the Red Cross (ICRC) President Mirjana Spoljaric. " +
        "your commitment to upholding IHL (international humanitarian law) and the Bank of England (BoE).",
    );
    expect(learned).toContainEqual({ acronym: "ICRC", expansion: "International Committee of the Red Cross" });
    expect(learned).toContainEqual({ acronym: "IHL", expansion: "international humanitarian law" });
    expect(learned).toContainEqual({ acronym: "BoE", expansion: "Bank of England" });
  });

  it("does not learn a parenthesis whose letters are not the initials", () => {
    expect(learnAcronyms("the talks in Moscow (TASS) were long")).toEqual([]);
    expect(learnAcronyms("he said (AP) that")).toEqual([]);
  });

  it("uses learned acronyms through a lexicon", () => {
    const lexicon = new Lexicon();
    expect(lexicon.add("OCHA", "Office for the Coordination of Humanitarian Affairs")).toBe(true);
    const text = "the Office for the Coordination of Humanitarian Affairs said";
    expect(analyze(text, lexicon)).toContain("ocha");
    expect(analyze(text)).not.toContain("ocha");
    expect(lexicon.add("the", "the one thing")).toBe(false);
  });
});
