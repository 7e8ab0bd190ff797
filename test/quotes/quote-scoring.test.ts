import { describe, expect, it } from "vitest";
import { classifySource, isRightNamed, isRightOrganisation, isRightRole } from "../../scripts/quote-scoring.js";

describe("the attribution eval's scoring of role and organisation sources", () => {
  it("reads a role whose organisation closes the phrase as a role, not as a named person", () => {
    const role = classifySource("A spokeswoman for the Harbour Board", false);
    expect(role).toMatchObject({ kind: "role", head: "spokeswoman", organisation: "Harbour Board" });
    expect(isRightRole("Harbour Board spokeswoman", role)).toBe(true);
    expect(isRightRole("Harbour Board", role)).toBe(false);
    const aide = classifySource("an aide to Senator Ann Pratt", false);
    expect(aide.kind).toBe("role");
    expect(isRightRole("Ann Pratt’s aide", aide)).toBe(true);
    expect(isRightNamed("Ann Pratt", "an aide to Senator Ann Pratt") && aide.kind === "named").toBe(false);
  });

  it("takes a person's office or campaign by the owner's surname, not their title", () => {
    const office = classifySource("Councillor Jane Whitby’s office", false);
    expect(office).toMatchObject({ kind: "organisation", head: "office" });
    expect(isRightOrganisation("Jane Whitby’s office", office)).toBe(true);
    expect(isRightOrganisation("Jane Whitby", office)).toBe(false);
  });

  it("takes a body's full name for its annotated acronym and the other way round, but not another body", () => {
    expect(isRightNamed("Harbour Workers Union", "the HWU")).toBe(true);
    expect(isRightNamed("HWU", "the Harbour Workers Union")).toBe(true);
    expect(isRightNamed("Harbour Board", "the HWU")).toBe(false);
    expect(isRightNamed("Hana Wu", "the HWU")).toBe(false);
  });
});


describe("classifying annotated sources", () => {
  it("reads a lower-case office before “of” as a description, not a role of an organisation", () => {
    expect(classifySource("the former secretary of state and current Democratic presidential nominee", false).kind).toBe("description");
    expect(classifySource("A spokesman for the Harbour Board", false).kind).toBe("role");
    expect(classifySource("a spokesman for committee Democrats", false)).toMatchObject({ kind: "role", organisation: "Democrats" });
  });
});

describe("counting every role and organisation source", () => {
  it("reads a role or body owned by a pronoun as a role or organisation scored by its head noun", () => {
    const aide = classifySource("Her senior aide", false);
    expect(aide).toMatchObject({ kind: "role", head: "aide", organisation: "" });
    expect(isRightRole("Ann Pratt’s senior aide", aide)).toBe(true);
    expect(isRightRole("Ann Pratt", aide)).toBe(false);
    expect(classifySource("their lawyers", false)).toMatchObject({ kind: "role", head: "lawyers" });
    expect(classifySource("his campaign", false)).toMatchObject({ kind: "organisation", head: "campaign" });
  });

  it("keeps the words that open a sentence and count people out of the organisation", () => {
    expect(classifySource("But a spokesman for the Harbour Board", false)).toMatchObject({ kind: "role", organisation: "Harbour Board" });
    expect(classifySource("One Pratt adviser", false)).toMatchObject({ kind: "role", head: "adviser", organisation: "Pratt" });
    expect(classifySource("Officials at the Harbour Board", false)).toMatchObject({ kind: "role", head: "officials", organisation: "Harbour Board" });
    expect(classifySource("One strategist", false).kind).toBe("description");
  });

  it("reads a written thing, a crowd and one person's title as no role or organisation", () => {
    expect(classifySource("the Harbour Board website", false).kind).toBe("other");
    expect(classifySource("A group of 40 dock workers", false).kind).toBe("other");
    expect(classifySource("The former secretary of State", false).kind).toBe("description");
    expect(classifySource("Secretary of State Ann Pratt", false).kind).toBe("named");
    expect(classifySource("Two harbour pilots, Ann Pratt and Joe Lyle,", false).kind).toBe("named");
  });
});
