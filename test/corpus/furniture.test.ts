import { describe, expect, it } from "vitest";
import { classifyPage, isStoryLink } from "../../src/corpus/furniture.js";

const roles = (blocks: string[], options?: Parameters<typeof classifyPage>[1]) => classifyPage(blocks, options).roles;

describe("page furniture", () => {
  it("marks everything from a comment form down", () => {
    expect(
      roles([
        "Headline here",
        "The story. It goes on.",
        "Please enter your comment!",
        "A reader wrote something long and opinionated, which is not our story.",
      ]),
    ).toEqual(["headline", "body", "furniture", "furniture"]);
  });

  it("marks a Must Read marker and the headline under it, not the story paragraph after it", () => {
    expect(
      roles([
        "Headline here",
        "The story begins here. It goes on.",
        "Must Read",
        "Another story: Minsk | Military News",
        "The story goes on after the link, with a full sentence.",
      ]),
    ).toEqual(["headline", "body", "furniture", "furniture", "body"]);
    expect(roles(["Headline here", "Must read", "The story starts right after the marker, as a sentence."])).toEqual([
      "headline",
      "furniture",
      "body",
    ]);
  });

  it("never takes short lines out of a plain article without page markers", () => {
    // A BBC-style page: a sub-heading line and a team list without final punctuation stay body.
    expect(
      roles([
        "Ireland v USA",
        "The Irish coach knows the game will be hard.",
        "Lansdowne Road, Dublin",
        "G Murphy; S Horgan, B O'Driscoll (capt)",
      ]),
    ).toEqual(["headline", "body", "body", "body"]);
  });

  it("keeps quotations, sentences and lead-ins out of the story-link rule", () => {
    expect(isStoryLink("Russians torture Ukrainian civilians")).toBe(true);
    expect(isStoryLink("“We will not allow it”")).toBe(false);
    expect(isStoryLink("Colleagues,")).toBe(false);
    expect(isStoryLink("He said:")).toBe(false);
    expect(isStoryLink("He said nothing.")).toBe(false);
  });

  it("marks a lone upper-case city between headline and story, and a lone date line above the story", () => {
    expect(roles(["Headline here", "MOSCOW", "Russian Foreign Minister spoke on Friday."])).toEqual([
      "headline",
      "furniture",
      "body",
    ]);
    expect(roles(["January 20, 2023", "Headline here", "The story."])).toEqual(["furniture", "headline", "body"]);
  });

  it("with a known title, only a block repeating it is the headline", () => {
    expect(roles(["Stealth Over Health.", "The story."], { knownTitle: "Stealth over health" })).toEqual([
      "headline",
      "body",
    ]);
    expect(roles(["Short first line", "The story."], { knownTitle: "Another title" })).toEqual(["body", "body"]);
    expect(roles(["Short first line", "The story."], { knownTitle: null })).toEqual(["body", "body"]);
  });

  it("with a known title, takes a headline split over two blocks (title; subtitle)", () => {
    const title = "Jobs report gives Democrats a lift; Solid upturn could blunt Republican claims";
    expect(
      roles(["Jobs report gives Democrats a lift;", "Solid upturn could blunt Republican claims.", "The story."], {
        knownTitle: title,
      }),
    ).toEqual(["headline", "headline", "body"]);
    // Two words matching the start of the title are not enough to call a first block the headline.
    expect(roles(["Jobs report", "The story."], { knownTitle: title })).toEqual(["body", "body"]);
  });

  it("finds the headline repeated under a breadcrumb, past a lone place line", () => {
    expect(
      roles(["HomeWorldLeaders meet at UN", "New York", "Leaders meet at UN", "NEW YORK — They met on Thursday."]),
    ).toEqual(["furniture", "furniture", "headline", "body"]);
  });

  it("marks archive section labels without treating the page as a web page", () => {
    expect(roles(["Title here", "ABSTRACT.", "A summary.", "FULL TEXT.", "The story.", "Table of results"])).toEqual([
      "headline",
      "furniture",
      "body",
      "furniture",
      "body",
      "body",
    ]);
  });

  it("keeps furniture given by the caller (front matter)", () => {
    expect(roles(["---\ntitle: X\n---", "X", "The story."], { furniture: new Set([0]), knownTitle: "X" })).toEqual([
      "furniture",
      "headline",
      "body",
    ]);
  });
});
