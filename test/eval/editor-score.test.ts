import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstIsRight, misattributions, reportsFound, surnameOf, type Answer, type EditorRequest } from "../../scripts/eval-editor.js";
import { packageRoot } from "../../src/paths.js";

const quote = (over: Partial<EditorRequest> = {}): EditorRequest => ({
  id: "t",
  corpus: "seeds",
  ask: "/quote Teller harbour",
  kind: "speaker-topic",
  speaker: "Teller",
  accept: [{ doc: "a.txt", start: 100, end: 160 }],
  ...over,
});
const answer = (over: Partial<Answer> = {}): Answer => ({ doc: "a.txt", start: 120, end: 150, speaker: "Ann Teller", confidence: 0.9, ...over });

describe("the editor's set scorer", () => {
  it("counts a first answer right only when it overlaps an accepted span and names the asked speaker", () => {
    expect(firstIsRight(quote(), [answer()])).toBe(true);
    expect(firstIsRight(quote(), [answer({ speaker: "Bob Rigg" })])).toBe(false);
    expect(firstIsRight(quote(), [answer({ start: 160, end: 200 })])).toBe(false);
    expect(firstIsRight(quote(), [answer({ doc: "b.txt" })])).toBe(false);
    expect(firstIsRight(quote(), [])).toBe(false);
    // A later right answer does not make the first one right.
    expect(firstIsRight(quote(), [answer({ doc: "b.txt" }), answer()])).toBe(false);
    expect(firstIsRight(quote({ accept: [{ doc: "a.txt" }] }), [answer({ start: 0, end: 5 })])).toBe(true);
    // Nothing to accept: the right answer is none.
    expect(firstIsRight(quote({ accept: [] }), [])).toBe(true);
    expect(firstIsRight(quote({ accept: [] }), [answer()])).toBe(false);
  });

  it("reads surnames as editors write them", () => {
    expect(surnameOf("Sir Alex Ferguson")).toBe("ferguson");
    expect(surnameOf("PENCE")).toBe("pence");
    expect(surnameOf("Trump’s")).toBe("trump");
    expect(surnameOf("Martin Luther King Jr")).toBe("king");
  });

  it("scores /compare by the reports found and refuses another speaker", () => {
    const compare = quote({
      kind: "compare",
      ask: "/compare harbour",
      accept: [{ doc: "a.txt", start: 100, end: 160 }, { doc: "b.txt", start: 10, end: 40 }, { doc: "c.txt", start: 0, end: 30 }],
    });
    const a = answer();
    const b = answer({ doc: "b.txt", start: 12, end: 30 });
    expect(firstIsRight(compare, [a, b])).toBe(true);
    expect(reportsFound(compare, [a, b])).toEqual({ found: 2, total: 3 });
    expect(firstIsRight(compare, [a])).toBe(false);
    expect(firstIsRight(compare, [a, { ...b, speaker: "Bob Rigg" }])).toBe(false);
    const guard = quote({ kind: "compare", accept: [], allowNone: true, forbidSpeakers: ["Rigg"] });
    expect(firstIsRight(guard, [])).toBe(true);
    expect(firstIsRight(guard, [answer({ speaker: "Bob Rigg" }), answer({ doc: "b.txt", speaker: "Bob Rigg" })])).toBe(false);
  });

  it("counts a misattribution only at confidence 0.8 or more, in the first three, against a known speaker", () => {
    const known = [{ doc: "a.txt", start: 300, end: 360, speaker: "Bob Rigg" }];
    const credited = answer({ start: 310, end: 350 });
    expect(misattributions(quote(), [credited], known)).toEqual([credited]);
    expect(misattributions(quote(), [{ ...credited, confidence: 0.6 }], known)).toEqual([]);
    expect(misattributions(quote(), [answer(), answer(), answer(), credited], known)).toEqual([]);
    expect(misattributions(quote(), [{ ...credited, speaker: "Bob Rigg" }], known)).toEqual([]);
    // An unknown speaker ("?") in the fixture: crediting the asked speaker is the error.
    const others = quote({ others: [{ doc: "a.txt", start: 300, end: 360, speaker: "?" }] });
    expect(misattributions(others, [credited], [])).toEqual([credited]);
    expect(misattributions(others, [{ ...credited, speaker: "Cy Dunn" }], [])).toEqual([]);
    // An accepted span is the asked speaker's: someone else credited with it is wrong.
    expect(misattributions(quote(), [answer({ speaker: "Bob Rigg" })], [])).toHaveLength(1);
  });

  it("holds at least 80 requests, each well formed, with no corpus text", () => {
    const fixture = JSON.parse(readFileSync(join(packageRoot(), "test/fixtures/editor-requests.json"), "utf8")) as { requests: EditorRequest[] };
    expect(fixture.requests.length).toBeGreaterThanOrEqual(80);
    expect(new Set(fixture.requests.map((r) => r.id)).size).toBe(fixture.requests.length);
    for (const r of fixture.requests) {
      expect(r.ask).toMatch(/^\/(quote|compare) \S/);
      expect(["seeds", "bbc", "reuters", "polnear"]).toContain(r.corpus);
      for (const s of [...r.accept, ...(r.others ?? [])]) {
        expect(Object.keys(s).every((k) => ["doc", "start", "end", "speaker"].includes(k))).toBe(true);
        if (s.start !== undefined) expect(s.end!).toBeGreaterThan(s.start);
      }
    }
    const kinds = new Set(fixture.requests.map((r) => r.kind));
    for (const kind of ["speaker-topic", "title", "misspelling", "organisation", "filter", "compare"]) expect(kinds).toContain(kind);
  });
});
