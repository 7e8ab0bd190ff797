/**
 * A role's quotations count as its principal's only when the principal is a body: "a Home Office spokesman"
 * speaks for the Home Office, but an aide to a minister speaks in the aide's words, not the minister's (issue 21).
 */
import { describe, expect, it } from "vitest";
import { buildQuoteBook } from "../../src/quotes/book.js";
import { article } from "./helpers.js";

const farm = article("farm.txt", [
  "Farm Secretary Walter Brisk said on Monday that no new grain subsidy was planned for the coming season.",
  '"We have no plan for a grain subsidy this year," Brisk said.',
  '"I just don\'t see any subsidy proposal sailing through the cabinet," an aide to Farm Secretary Walter Brisk said.',
  '"The ministry will publish its grain forecast on Friday," a Farm Ministry spokesman said.',
]);

describe("a role filed under its principal", () => {
  const book = buildQuoteBook({ articles: [farm] });
  const texts = (speaker: string, words: string[]) =>
    book.search({ speaker, words, phrases: [] }, { offset: 0, limit: 10 }).hits.filter((h) => h.match === "words").map((h) => h.quotation.text);

  it("does not give a person the words of their aide", () => {
    const brisk = book.speakers.resolve("Walter Brisk")!.name;
    const found = texts(brisk, ["subsidy"]);
    expect(found.some((t) => t.startsWith("We have no plan"))).toBe(true);
    expect(found.some((t) => t.startsWith("I just don't see"))).toBe(false);
  });

  it("still gives a body the words of its spokesman", () => {
    const ministry = book.speakers.resolve("Farm Ministry");
    if (!ministry) return; // the role's body is named only when the registry reads it so
    expect(texts(ministry.name, ["forecast"]).some((t) => t.startsWith("The ministry will publish"))).toBe(true);
  });
});
