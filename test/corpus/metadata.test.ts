import { describe, expect, it } from "vitest";
import { findDates, isDateLine, isoDate, normalizePublished } from "../../src/corpus/dates.js";
import { classifyPage } from "../../src/corpus/furniture.js";
import { readDateline } from "../../src/corpus/dateline.js";
import { creditOf, readMetadata } from "../../src/corpus/metadata.js";

const read = (blocks: string[]) => readMetadata(blocks, classifyPage(blocks));

describe("dates", () => {
  it("reads full, bare and ISO dates", () => {
    const found = findDates("On Tuesday, November 29, 2022 and 20 January 2023, then January 20, and 2023-01-05.");
    expect(found.map((d) => [d.year, d.month, d.day])).toEqual([
      [2022, 11, 29],
      [2023, 1, 20],
      [null, 1, 20],
      [2023, 1, 5],
    ]);
    expect(found.map(isoDate)).toEqual(["2022-11-29", "2023-01-20", null, "2023-01-05"]);
  });

  it("rejects impossible days and lower-case month words", () => {
    expect(findDates("February 30, 2023 and April 31, 2022")).toEqual([]);
    expect(findDates("they may 5 times")).toEqual([]);
  });

  it("knows a line that is only a date", () => {
    expect(isDateLine("Tuesday, November 29, 2022")).toBe(true);
    expect(isDateLine("2023-01-20")).toBe(true);
    expect(isDateLine("Saturday 20 November")).toBe(true);
    expect(isDateLine("Talks in Moscow, January 20, 2023")).toBe(false);
    expect(isDateLine("January 20, 2023 was a Friday.")).toBe(false);
  });

  it("normalizes metadata dates", () => {
    expect(normalizePublished("2023-01-20")).toBe("2023-01-20");
    expect(normalizePublished("1987-02-26T15:01:01Z")).toBe("1987-02-26T15:01:01Z");
    expect(normalizePublished("January 20, 2023")).toBe("2023-01-20");
    expect(normalizePublished("2023-02-30")).toBeNull();
    expect(normalizePublished("last week")).toBeNull();
  });
});

describe("datelines", () => {
  it("reads TASS, dash and agency datelines", () => {
    expect(readDateline("MOSCOW, January 20. /TASS/. Russian Foreign Minister said")).toEqual({
      city: "MOSCOW",
      date: "January 20",
      agency: "TASS",
    });
    expect(readDateline("NEW YORK — Russian and Western diplomats clashed")).toEqual({
      city: "NEW YORK",
      date: null,
      agency: null,
    });
    expect(readDateline("LONDON, March 3 (Reuters) - Shares fell")).toEqual({
      city: "LONDON",
      date: "March 3",
      agency: "Reuters",
    });
  });

  it("does not take ordinary sentences or labels for datelines", () => {
    expect(readDateline("The meeting was attended by the prosecutor.")).toBeNull();
    expect(readDateline("NOTE: 1985 year includes an extraordinary gain")).toBeNull();
    expect(readDateline("US President Joe Biden said")).toBeNull();
    expect(readDateline("I — for one — disagree")).toBeNull();
  });

  it("reads a closing credit line", () => {
    expect(creditOf("Source: Seznam Zpravy")).toBe("Seznam Zpravy");
    expect(creditOf("Sources: Reuters.")).toBe("Reuters");
    expect(creditOf("Source: a senior official said the talks had failed, and that nobody knew why.")).toBeNull();
  });
});

describe("metadata from plain text", () => {
  it("takes a dateline's bare date's year from a full date with the same day", () => {
    const meta = read([
      "Talks on prisoners",
      "MOSCOW, January 20. /TASS/. The minister spoke.",
      "The talks of January 20, 2023 were the first.",
    ]);
    expect(meta).toEqual({ title: "Talks on prisoners", outlet: "TASS", dateline: "MOSCOW", published: "2023-01-20" });
  });

  it("leaves the date unknown rather than take a year from a date about the past", () => {
    const meta = read([
      "Talks on prisoners",
      "MOSCOW, January 20. /TASS/. The minister recalled what was said on March 3, 2014.",
    ]);
    expect(meta.published).toBeNull();
  });

  it("prefers the header date over dates inside the story", () => {
    const meta = read(["Talks on prisoners", "March 2, 2023", "The minister recalled the talks of March 3, 2014."]);
    expect(meta.published).toBe("2023-03-02");
  });

  it("strips a breadcrumb when the headline is not repeated", () => {
    const blocks = ["HomeWorldSecretary of State meets minister", "NEW YORK — The two met on Thursday.", "All news"];
    expect(read(blocks).title).toBe("Secretary of State meets minister");
  });

  it("skips weather, city and date lines for the headline", () => {
    const meta = read(["2.3 C", "New York", "Tuesday, November 29, 2022", "Markets fall", "Stocks fell on Tuesday."]);
    expect(meta.title).toBe("Markets fall");
    expect(meta.published).toBe("2022-11-29");
    expect(meta.dateline).toBeNull();
  });

  it("has no headline when the text starts with the story", () => {
    const meta = read([
      "Stocks fell on Tuesday. Traders said the mood was grim, and they expected more losses.",
      "Bonds rose.",
    ]);
    expect(meta.title).toBeNull();
  });
});
