/**
 * Interview transcripts quoted in an article: a quotation that opens with a speaker label in capitals
 * ("WALLACE: But, Governor Pence, …", "PENCE: Well, look, …") is that speaker's, whatever came before it.
 * The label names the person the article names with that surname ("Chris Wallace"); failing that, a full name
 * in the text ending in that surname; failing that (in a transcript of two labels or more) the label itself in
 * title case ("Ramos"). Labels that are no one ("VIDEO:", "UPDATE:", "FROM:") are left alone.
 */
import type { Discourse, Entity } from "./discourse.js";
import { genderOfFirstName } from "./first-names.js";
import { nameKey } from "./text.js";

const LABEL = /^(\p{Lu}[\p{Lu}'’.-]+(?: \p{Lu}[\p{Lu}'’.-]+){0,3}):\s/u;

/** Labels of furniture, e-mail headers and fact checks, not of someone speaking. */
const NOT_SPEAKERS = new Set(
  `video videos watch update updated updates breaking news photo photos picture pictures read note editor's editors
  editor’s related claim fact facts source sources listen exclusive transcript audio alert warning flashback more also
  ps p.s. see correction question answer verdict rating bottom line from to subject sent date cc re fw fwd bcc
  attachment attachments headline caption credit live poll result results update: warning: the a an and or tweet
  statement full text excerpt excerpts part chapter step rule lesson fact-check summary tl;dr nb n.b. hint tip`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics and titles a label may carry before the name ("SEN. SANDERS:", "MR. TRUMP:"). */
const LABEL_TITLES = new Set(
  "mr mr. mrs mrs. ms ms. dr dr. sen sen. gov gov. rep rep. gen gen. president governor senator secretary mayor judge justice"
    .split(" "),
);

export interface LabelledSpeaker {
  entity: Entity;
  label: string;
  evidence: string;
}

/** A label that is no one ("VIDEO: …", "FROM: …"): the quotation is not the previous speaker's either. */
export function opensWithNonSpeakerLabel(content: string): boolean {
  const m = LABEL.exec(content);
  return m !== null && m[1]!.split(" ").some((w) => NOT_SPEAKERS.has(w.toLowerCase()));
}

/** The words of a speaker label opening `content`, or null when it has none (or one that is no person). */
export function speakerLabelOf(content: string): string[] | null {
  const m = LABEL.exec(content);
  if (!m) return null;
  const parts = m[1]!.split(" ");
  if (parts.some((w) => NOT_SPEAKERS.has(w.toLowerCase()))) return null;
  const name = parts.filter((w) => !LABEL_TITLES.has(w.toLowerCase()));
  // A single letter or a run of initials ("Q:", "A:", "U.S.:") is no one's name.
  if (name.length === 0 || name.some((w) => w.replace(/[^\p{L}]/gu, "").length < 2) || name.some((w) => /\p{Lu}\./u.test(w))) return null;
  return name;
}

export function labelledSpeaker(d: Discourse, content: string): LabelledSpeaker | null {
  const name = speakerLabelOf(content);
  if (!name) return null;
  const label = LABEL.exec(content)![1]!;
  const surname = name[name.length - 1]!;
  const key = nameKey(surname);
  const firstKey = name.length >= 2 ? nameKey(name[0]!) : null;
  const people = d.entities.filter((e) => e.kind === "person" && e.keys[e.keys.length - 1] === key);
  const known = people.find((e) => firstKey !== null && e.keys[0] === firstKey) ?? [...people].sort((a, b) => b.keys.length - a.keys.length)[0];
  if (known) return { entity: known, label, evidence: `transcript label ${label}: ${known.name}` };

  const full = firstKey === null ? fullNameInText(d.article.text, surname) : null;
  if (full) return { entity: entityNamed(d, full), label, evidence: `transcript label ${label}: ${full}, named in the text` };
  // Only in a transcript (two labelled quotations or more) does an unknown label name someone.
  const labelled = d.spans.filter((s) => speakerLabelOf(d.article.text.slice(s.labelStart ?? s.start, s.end)) !== null).length;
  if (labelled < 2) return null;
  const titled = name.map(titleCase).join(" ");
  return { entity: entityNamed(d, titled), label, evidence: `transcript label ${label}: ${titled} (no fuller name in the article)` };
}

/** "Chris Wallace" for WALLACE: a known first name, perhaps an initial, then the surname, anywhere in the text. */
function fullNameInText(text: string, surname: string): string | null {
  const written = titleCase(surname).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(String.raw`(?<![\p{L}])(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\.)?\s+${written}(?![\p{L}])`, "gu");
  for (const m of text.matchAll(re)) {
    if (genderOfFirstName(m[1]!) !== null) return `${m[1]!} ${titleCase(surname)}`;
  }
  return null;
}

/** WALLACE -> Wallace, O'REILLY -> O'Reilly, AL-ASSAD -> Al-Assad. */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|['’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The entity of that name, added to the article's people when the text never named them outside quotations. */
function entityNamed(d: Discourse, name: string): Entity {
  const keys = name.split(/\s+/).map(nameKey);
  const existing = d.entities.find((e) => e.kind === "person" && e.keys.join(" ") === keys.join(" "));
  if (existing) return existing;
  const parts = name.split(/\s+/);
  const entity: Entity = {
    id: d.entities.length,
    kind: "person",
    name,
    keys,
    gender: parts.length >= 2 ? genderOfFirstName(parts[0]!) : null,
    descriptors: new Set(),
    sure: true,
    votes: { male: 0, female: 0 },
  };
  d.entities.push(entity);
  return entity;
}
