/**
 * The speaker registry: everyone the corpus quotes or names in full, one entry per person or body across
 * articles, under a canonical full name (the most frequent spelling, else the first seen: "Sergey Lavrov" even
 * where an article writes "Sergei"), with aliases (surname, spelling variants, diacritic-free forms, Mr/Ms X).
 * Lookups fold case, diacritics and transliteration variants, and forgive small typos ("Zaharova").
 */
import type { NamedInArticle } from "./types.js";
import { DEMONYMS } from "./lexicon.js";
import { canonicalOrgName } from "./names.js";
import { abbreviates, isAcronymName } from "./rules/same-organisation.js";
import { withoutAccents } from "../text/fold.js";
import { pacer, runToEnd, sortInSteps, type Steps } from "../statements/steps.js";
import { indexedRegistrySteps, type BuiltRegistry } from "./speaker-lookup.js";
import { fullNameKey, nameKey, nameTokensMatch } from "./text.js";
import type { Quotation, Speaker } from "./types.js";

export interface RegistryInput {
  doc: string;
  named: readonly NamedInArticle[];
  quotations: readonly Quotation[];
}

interface Cluster {
  kind: Speaker["kind"];
  /** Spelling of the full name -> how often used, in first-seen order. */
  spellings: Map<string, number>;
  forms: Set<string>;
  genders: { male: number; female: number };
  quotes: number;
  /** First-name keys (persons) or the full key (bodies). */
  firstKeys: Set<string>;
  surnameKey: string;
  sure: boolean;
  /** For a role: where its organisation was named (doc and local name), to link it to the organisation's speaker. */
  organisation?: { doc: string; name: string };
}

/** Built by the indexed look-up (speaker-lookup.ts), which is where the type lives. */
export type { BuiltRegistry };


export function buildSpeakerRegistry(inputs: readonly RegistryInput[]): BuiltRegistry {
  return runToEnd(speakerRegistrySteps(inputs));
}

/**
 * `buildSpeakerRegistry` as steps (statements/steps.ts) that pause every few articles and names, for a running
 * bot to rebuild the registry after a corpus change in time slices: tens of thousands of articles take seconds.
 */
export function* speakerRegistrySteps(inputs: readonly RegistryInput[]): Steps<BuiltRegistry> {
  const pace = pacer(PACE);
  const clusters: Cluster[] = [];
  const bySurname = new Map<string, Cluster[]>();
  const local = new Map<string, Cluster>();
  const pendingSurnameOnly: Array<{ doc: string; entry: NamedInArticle; quotes: number }> = [];

  const quoteCounts = (input: RegistryInput) => {
    const counts = new Map<string, number>();
    for (const q of input.quotations) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
    return counts;
  };

  const expansions = yield* acronymExpansionSteps(inputs, pace);
  const roles = new Map<string, Cluster>();
  for (const input of inputs) {
    if (pace.tick()) yield;
    const counts = quoteCounts(input);
    // The organisations whose roles are quoted here ("Home Office spokesman"): their quotations are theirs too.
    const roleQuotes = new Map<string, number>();
    for (const entry of input.named) {
      if (entry.kind === "role" && entry.organisation !== undefined) roleQuotes.set(entry.organisation, (roleQuotes.get(entry.organisation) ?? 0) + (counts.get(entry.name) ?? 0));
    }
    for (const entry of input.named) {
      const quotes = counts.get(entry.name) ?? 0;
      if (entry.kind === "role") {
        if (quotes === 0) continue;
        const key = fullNameKey(entry.name);
        let cluster = roles.get(key);
        if (!cluster) {
          cluster = newCluster("role", key);
          if (entry.organisation !== undefined) cluster.organisation = { doc: input.doc, name: entry.organisation };
          roles.set(key, cluster);
          clusters.push(cluster);
        }
        addEntry(cluster, entry, quotes);
        local.set(input.doc + "\0" + entry.name, cluster);
        continue;
      }
      const ofRoles = entry.kind === "organisation" ? (roleQuotes.get(entry.name) ?? 0) : 0;
      // Unquoted people named in full may still be asked about; unquoted bodies and places are just words.
      if (quotes === 0 && ofRoles === 0 && !(entry.kind === "person" && entry.sure && entry.name.includes(" "))) continue;
      // "FA" where another article writes "Football Association": one body, shown by its full name.
      const expansion = entry.kind === "organisation" ? expansions.get(entry.name) : undefined;
      if (expansion !== undefined) {
        const full: NamedInArticle = { ...entry, name: expansion, forms: [...entry.forms, entry.name] };
        const cluster = findOrCreate(full, expansion.split(/\s+/));
        addEntry(cluster, full, quotes);
        local.set(input.doc + "\0" + entry.name, cluster);
        continue;
      }
      const parts = entry.name.split(/\s+/);
      if (entry.kind === "person" && parts.length === 1) {
        pendingSurnameOnly.push({ doc: input.doc, entry, quotes });
        continue;
      }
      const cluster = findOrCreate(entry, parts);
      addEntry(cluster, entry, quotes);
      local.set(input.doc + "\0" + entry.name, cluster);
    }
  }
  // A surname alone joins the person of that surname who dominates the corpus, else stands on its own.
  for (const { doc, entry, quotes } of pendingSurnameOnly) {
    if (pace.tick()) yield;
    const key = nameKey(entry.name);
    const group = (bySurname.get(key) ?? []).filter((c) => c.kind === "person");
    const weight = (c: Cluster) => c.quotes + [...c.spellings.values()].reduce((a, b) => a + b, 0);
    const total = group.reduce((sum, c) => sum + weight(c), 0);
    const top = [...group].sort((a, b) => weight(b) - weight(a))[0];
    let cluster = top && weight(top) >= total * 0.7 ? top : undefined;
    if (!cluster) {
      cluster = group.find((c) => c.firstKeys.size === 0);
      if (!cluster) {
        cluster = newCluster("person", key);
        clusters.push(cluster);
        bySurname.set(key, [...(bySurname.get(key) ?? []), cluster]);
      }
    }
    addEntry(cluster, entry, quotes);
    local.set(doc + "\0" + entry.name, cluster);
  }

  function newCluster(kind: Speaker["kind"], surnameKey: string): Cluster {
    return { kind, spellings: new Map(), forms: new Set(), genders: { male: 0, female: 0 }, quotes: 0, firstKeys: new Set(), surnameKey, sure: false };
  }

  function findOrCreate(entry: NamedInArticle, parts: string[]): Cluster {
    if (entry.kind === "organisation") {
      const key = fullNameKey(canonicalOrgName(parts));
      const keyParts = key.split(" ");
      const group = bySurname.get(keyParts[keyParts.length - 1]!) ?? [];
      for (const c of group) {
        if (c.kind !== "organisation") continue;
        for (const k of c.firstKeys) {
          const other = k.split(" ");
          if (other.length === keyParts.length && other.every((t, i) => nameTokensMatch(t, keyParts[i]!))) return c;
        }
      }
      const c = newCluster("organisation", keyParts[keyParts.length - 1]!);
      c.firstKeys.add(key);
      clusters.push(c);
      bySurname.set(c.surnameKey, [...group, c]);
      return c;
    }
    const surname = nameKey(parts[parts.length - 1]!);
    const first = nameKey(parts[0]!);
    const group = bySurname.get(surname) ?? [];
    for (const c of group) {
      if (c.kind !== "person") continue;
      if ([...c.firstKeys].some((k) => nameTokensMatch(k, first))) return c;
    }
    // A surname-only cluster made earlier waits for its full name.
    const bare = group.find((c) => c.kind === "person" && c.firstKeys.size === 0);
    const c = bare ?? newCluster("person", surname);
    c.firstKeys.add(first);
    if (!bare) {
      clusters.push(c);
      bySurname.set(surname, [...group, c]);
    }
    return c;
  }

  function addEntry(c: Cluster, entry: NamedInArticle, quotes: number): void {
    const spelling = entry.kind === "organisation" ? canonicalOrgName(entry.name.split(/\s+/)) : entry.name;
    // Each article counts once per spelling: a name repeated in one story is not more canonical.
    c.spellings.set(spelling, (c.spellings.get(spelling) ?? 0) + 1);
    c.forms.add(entry.name);
    for (const f of entry.forms) c.forms.add(f);
    for (const f of entry.titled) c.forms.add(f);
    if (entry.gender) c.genders[entry.gender]++;
    c.quotes += quotes;
    if (entry.sure) c.sure = true;
  }

  const speakers: Speaker[] = [];
  const clusterSpeaker = new Map<Cluster, Speaker>();
  for (const c of clusters) {
    if (pace.tick()) yield;
    if (c.spellings.size === 0) continue;
    const speaker = toSpeaker(c);
    speakers.push(speaker);
    clusterSpeaker.set(c, speaker);
  }
  // A role names its organisation's speaker.
  for (const c of clusters) {
    const speaker = clusterSpeaker.get(c);
    const at = c.organisation;
    if (!speaker || !at) continue;
    const owner = local.get(at.doc + "\0" + at.name);
    const organisation = owner ? clusterSpeaker.get(owner) : undefined;
    speaker.organisation = organisation?.name ?? at.name;
  }
  yield* sortInSteps(speakers, (a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  return yield* indexedRegistrySteps(speakers, (doc, localName) => {
    const c = local.get(doc + "\0" + localName);
    return c ? (clusterSpeaker.get(c) ?? null) : null;
  });
}

/**
 * The full name each body's acronym stands for across the corpus: the one an article names beside it ("the
 * Football Association … the FA", joined in the article by rules/same-organisation.ts), when that body is named
 * in at least two articles. A one-off reading ("ABC" for a local party one story spells out) leaves the acronym
 * alone elsewhere; an acronym two bodies share ("PA": Press Association, Palestinian Authority) stays as it is.
 */
function* acronymExpansionSteps(inputs: readonly RegistryInput[], pace: ReturnType<typeof pacer>): Steps<Map<string, string>> {
  const defined = new Map<string, Map<string, string>>();
  const articles = new Map<string, number>();
  for (const input of inputs) {
    if (pace.tick()) yield;
    const seen = new Set<string>();
    for (const entry of input.named) {
      if (entry.kind !== "organisation" || !entry.name.includes(" ")) continue;
      const full = canonicalOrgName(entry.name.split(/\s+/));
      const key = fullNameKey(full);
      if (!seen.has(key)) articles.set(key, (articles.get(key) ?? 0) + 1);
      seen.add(key);
      for (const form of entry.forms) {
        if (!isAcronymName(form) || !abbreviates(form, full)) continue;
        let names = defined.get(form);
        if (!names) defined.set(form, (names = new Map()));
        names.set(key, full);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [acronym, names] of defined) {
    if (names.size !== 1) continue;
    const [key, full] = names.entries().next().value!;
    if ((articles.get(key) ?? 0) >= MIN_ARTICLES_FOR_AN_ACRONYM) out.set(acronym, full);
  }
  return out;
}

/** Articles that must name a body in full before its acronym stands for it in every article. */
const MIN_ARTICLES_FOR_AN_ACRONYM = 2;

/** Articles, names or speakers handled between two pauses. */
const PACE = 200;

function toSpeaker(c: Cluster): Speaker {
  let name = "";
  let best = -1;
  for (const [spelling, count] of c.spellings) {
    const words = spelling.split(" ").length;
    // Full names beat surnames; then frequency; then the first seen (Map order).
    const score = Math.min(words, 2) * 1e6 + count;
    if (score > best) {
      best = score;
      name = spelling;
    }
  }
  const gender = c.kind === "person" ? (c.genders.male > c.genders.female ? "male" : c.genders.female > c.genders.male ? "female" : null) : null;
  const aliases = new Set<string>();
  const add = (alias: string) => {
    if (alias && alias !== name) aliases.add(alias);
  };
  for (const form of c.forms) add(form.replace(/[’']s$/u, "").replace(/^the\s+/i, ""));
  for (const spelling of c.spellings.keys()) add(spelling);
  for (const a of [...aliases, name]) add(withoutAccents(a));
  if (c.kind === "organisation") {
    // "Russian Investigative Committee": also "Investigative Committee" and "Russia's Investigative Committee".
    const [first, ...rest] = name.split(" ");
    const country = Object.entries(DEMONYMS).find(([, demonym]) => demonym === first)?.[0];
    if (country && rest.length > 0) {
      add(rest.join(" "));
      add(`${country[0]!.toUpperCase()}${country.slice(1)}'s ${rest.join(" ")}`);
    }
  }
  if (c.kind === "person") {
    const surname = name.split(" ").pop()!;
    add(surname);
    add(withoutAccents(surname));
    if (gender === "male") add(`Mr ${surname}`);
    if (gender === "female") {
      add(`Ms ${surname}`);
      add(`Mrs ${surname}`);
    }
  }
  return { name, aliases: [...aliases], kind: c.kind, gender, quotes: c.quotes };
}

