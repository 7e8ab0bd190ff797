/**
 * Grouping the renderings of one statement across documents (translated, paraphrased, syndicated).
 *
 * Units (quotation sentences, transcript sentences, reported-speech sentences) are paired only when they share
 * rare terms (an inverted index, never all pairs), aligned to their best-matching clause windows and scored.
 * Pairs above the threshold are merged strongest first, refusing any merge that would join two speakers or two
 * different sentences of one document: precision before recall.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../corpus/types.js";
import { packageRoot } from "../paths.js";
import { duplicateSteps, type DuplicateOptions } from "./duplicates.js";
import { ShardedMap, stringShard } from "./sharded-map.js";
import { align, compareSets, idfWeights, similarity, windowsOf, type Weights, type Window } from "./similarity.js";
import { pacer, runInSlices, runToEnd, sortInSteps, type SliceOptions, type Steps } from "./steps.js";
import { contentTerms } from "./terms.js";
import { foldAccentsAndCase } from "../text/fold.js";
import { trimSpan } from "../text/sentences.js";
import { tokens } from "./text.js";
import type { Rendering, Statement, StatementIndex } from "./types.js";
import { unitSteps, type GroupedQuotation, type Unit } from "./units.js";

export type { GroupedQuotation };

export interface StatementOptions {
  /** Minimum alignment score for two renderings to be one statement (default 0.62; scores run 0..1.15). */
  threshold?: number;
  /** Duplicate detection settings, or false to treat every article as its own text. */
  duplicates?: DuplicateOptions | false;
  /**
   * Speaker -> outlet names and web domains of their own organisation ("Sergey Lavrov" -> ["Russian Foreign
   * Ministry", "mid.ru"]). Defaults to data/organisations.tsv.
   */
  organisations?: Readonly<Record<string, readonly string[]>>;
}

const DEFAULT_THRESHOLD = 0.62;
/** Two renderings must share at least this many distinct content terms. */
const MIN_SHARED = 3;
/** A rendering with at most this many distinct content terms must share all of them. */
const SHORT_RENDERING = 4;
/** ... and this many when neither speaker is known. */
const MIN_SHARED_UNATTRIBUTED = 5;
/** Two sentences of one document are the same remark repeated when the shorter is this much covered by the longer. */
const REPEAT_COVER = 0.9;

interface Node {
  key: string;
  unit: Unit;
  start: number;
  end: number;
  keys: string[];
  strength: number;
}

interface Edge {
  a: Node;
  b: Node;
  score: number;
}

/** The statements across outlets, computed at once (CLI, tests, a corpus small enough to wait for). */
export function buildStatements(
  articles: readonly Article[],
  quotations: readonly GroupedQuotation[],
  options: StatementOptions = {},
): StatementIndex {
  return runToEnd(statementSteps(articles, quotations, options));
}

/**
 * The same statements computed in time slices, the event loop served between them (a running bot: slash
 * commands keep being answered meanwhile). Rejects with the signal's reason when `slices.signal` aborts.
 */
export function buildStatementsInSlices(
  articles: readonly Article[],
  quotations: readonly GroupedQuotation[],
  options: StatementOptions = {},
  slices: SliceOptions = {},
): Promise<StatementIndex> {
  return runInSlices(statementSteps(articles, quotations, options), slices);
}

/** Items of a light loop handled between pauses (heavy loops pause after every item). */
const CHEAP_PACE = 1024;
/** Candidate pairs of one unit compared between pauses. */
const INNER_PACE = 16;
/** Postings of one unit's terms counted between pauses. */
const INNER_POSTINGS = 20_000;

/** Every phase of the grouping as steps (see steps.ts): `buildStatements` runs them straight through. */
export function* statementSteps(
  articles: readonly Article[],
  quotations: readonly GroupedQuotation[],
  options: StatementOptions = {},
): Steps<StatementIndex> {
  const grouped = yield* groupSteps(articles, quotations, options);
  return yield* statementIndexSteps(grouped.statements, grouped.duplicates, idfWeights(grouped.frequencies.df, grouped.frequencies.documents));
}

/**
 * In how many (original) articles' units each term occurs: what the term weights are made of. `terms` lists the
 * keys of `df` (a sharded map is never iterated), so that the frequencies can cross to another thread.
 */
export interface TermFrequencies {
  df: ShardedMap<string, number>;
  terms: string[];
  documents: number;
}

/** What grouping finds before its statements are indexed for look-ups (a worker thread returns it as numbers). */
export interface Grouped {
  statements: Statement[];
  duplicates: string[][];
  frequencies: TermFrequencies;
}

/** The grouping itself, up to the sorted statements (worker thread or here); `statementIndexSteps` indexes them. */
export function* groupSteps(
  articles: readonly Article[],
  quotations: readonly GroupedQuotation[],
  options: StatementOptions = {},
): Steps<Grouped> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const cheap = pacer(CHEAP_PACE);
  const byId = new Map<string, Article>();
  for (const a of articles) {
    byId.set(a.id, a);
    if (cheap.tick()) yield;
  }
  const duplicates = options.duplicates === false ? [] : yield* duplicateSteps(articles, options.duplicates);
  // Copies are most of a replicated archive: these loops too pause.
  const copies = new Set<string>();
  for (const group of duplicates) {
    for (const doc of group.slice(1)) copies.add(doc);
    if (cheap.tick()) yield;
  }
  const originals: Article[] = [];
  for (const a of articles) {
    if (!copies.has(a.id)) originals.push(a);
    if (cheap.tick()) yield;
  }
  const units = yield* unitSteps(articles, quotations, copies);
  const frequencies = yield* documentFrequencies(originals, units);
  const weight = idfWeights(frequencies.df, frequencies.documents);
  const edges = yield* candidateEdges(units, weight, threshold);
  const components = yield* mergeEdges(edges, weight);

  // A duplicate group by its first (original) document: groups are disjoint, so each original heads one.
  const copiesOf = new Map(duplicates.map((g) => [g[0]!, g.slice(1)]));
  const organisations = options.organisations ?? defaultOrganisations();
  const statements: Statement[] = [];
  for (const nodes of components) {
    const statement = toStatement(nodes, byId, copiesOf, organisations);
    if (statement) statements.push(statement);
    yield;
  }
  yield* sortInSteps(statements, (x, y) => compareRenderings(x.renderings[0]!, y.renderings[0]!));
  return { statements, duplicates, frequencies };
}

/**
 * Term weights come from document frequencies: in how many (original, non-copy) articles' candidate units a term
 * occurs. Units are what is compared, so their vocabulary is what must be told apart.
 */
function* documentFrequencies(articles: readonly Article[], units: readonly Unit[]): Steps<TermFrequencies> {
  const pace = pacer(CHEAP_PACE / 4);
  const perDoc = new Map<string, Set<string>>();
  for (const u of units) {
    const set = perDoc.get(u.doc) ?? new Set<string>();
    for (const c of u.clauses) for (const t of c.terms) set.add(t.key);
    perDoc.set(u.doc, set);
    if (pace.tick()) yield;
  }
  const df = new ShardedMap<string, number>(stringShard);
  const terms: string[] = [];
  for (const keys of perDoc.values()) {
    for (const k of keys) {
      const seen = df.get(k);
      if (seen === undefined) terms.push(k);
      df.set(k, (seen ?? 0) + 1);
    }
    if (pace.tick()) yield;
  }
  return { df, terms, documents: Math.max(1, articles.length) };
}

/**
 * What two units must share to be one statement, or null when they cannot be: known speakers must be equal;
 * two quotations with no known speaker need more evidence (short stock phrases recur across unrelated stories);
 * two unattributed reported-speech sentences are narrative, never paired.
 */
function pairRule(a: Unit, b: Unit, threshold: number): { shared: number; threshold: number } | null {
  if (a.speaker && b.speaker) return a.speaker === b.speaker ? { shared: MIN_SHARED, threshold } : null;
  if (a.speaker || b.speaker) return { shared: MIN_SHARED, threshold };
  if (a.kind === "reported" || b.kind === "reported") return null;
  return { shared: MIN_SHARED_UNATTRIBUTED, threshold: threshold + 0.1 };
}

function* candidateEdges(units: readonly Unit[], weight: Weights, threshold: number): Steps<Edge[]> {
  const light = pacer(CHEAP_PACE / 4);
  const keysOf: string[][] = [];
  for (const u of units) {
    keysOf.push([...new Set(u.clauses.flatMap((c) => c.terms.map((t) => t.key)))]);
    if (light.tick()) yield;
  }
  // One entry per distinct term of the units: sharded, so that no single growth of it takes long.
  const postings = new ShardedMap<string, number[]>(stringShard);
  for (let i = 0; i < keysOf.length; i++) {
    for (const k of keysOf[i]!) {
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
    if (light.tick()) yield;
  }
  // Terms in more units than this are too common to propose a pair on their own.
  const maxPostings = Math.max(100, Math.ceil(units.length * 0.01));

  // By unit position and sharded: hundreds of thousands of units compared, and a Map grows all at once.
  const nodes = new ShardedMap<string, Node>(stringShard);
  const windowCache: Array<Window[] | undefined> = new Array<Window[] | undefined>(units.length);
  const windows = (u: Unit): Window[] => (windowCache[u.index] ??= windowsOf(u, weight));
  const nodeOf = (w: Window): Node => {
    const key = `${w.unit.index}:${w.first}:${w.last}`;
    let node = nodes.get(key);
    if (!node) {
      const start = w.unit.clauses[w.first]!.start;
      const end = w.unit.clauses[w.last]!.end;
      node = { key, unit: w.unit, start, end, keys: [...w.keys], strength: 0 };
      nodes.set(key, node);
    }
    return node;
  };

  const edges: Edge[] = [];
  for (let i = 0; i < keysOf.length; i++) {
    yield;
    const keys = keysOf[i]!;
    const common = new Map<number, number>();
    let counted = 0;
    for (const k of keys) {
      const list = postings.get(k)!;
      if (list.length > maxPostings) continue;
      for (const j of list) if (j > i) common.set(j, (common.get(j) ?? 0) + 1);
      // A long sentence of common terms meets up to maxPostings units per term.
      counted += list.length;
      if (counted >= INNER_POSTINGS) {
        counted = 0;
        yield;
      }
    }
    const a = units[i]!;
    let compared = 0;
    for (const [j, count] of common) {
      const b = units[j]!;
      if (count < 2 || a.doc === b.doc) continue;
      if (++compared % INNER_PACE === 0) yield;
      const rule = pairRule(a, b, threshold);
      if (!rule) continue;
      const wa = windows(a);
      const wb = windows(b);
      // The whole sentences share fewer terms than required: no window of theirs can share more.
      if (!wa[0] || !wb[0] || compareSets(wa[0], wb[0], weight).shared < rule.shared) continue;
      const found = align(wa, wb, weight);
      if (!found || found.shared < rule.shared || found.score < rule.threshold) continue;
      // A short rendering (a few content words: "a top-10 player") must be matched whole, by one as short.
      const smaller = Math.min(found.a.set.size, found.b.set.size);
      const larger = Math.max(found.a.set.size, found.b.set.size);
      if (smaller <= SHORT_RENDERING && (found.shared < smaller || larger > 2 * smaller)) continue;
      edges.push({ a: nodeOf(found.a), b: nodeOf(found.b), score: found.score });
    }
  }
  return edges;
}

interface Component {
  nodes: Node[];
  speaker: string | null;
}

/**
 * Strongest pairs first; a merge that would join two speakers or two different remarks of a document is refused.
 * Then components holding overlapping windows of one sentence (the clause matched against one outlet, the
 * whole sentence against another) are joined under the same rule.
 */
function* mergeEdges(edges: Edge[], weight: Weights): Steps<Node[][]> {
  yield* sortInSteps(edges, (x, y) => y.score - x.score);
  const componentOf = new Map<Node, Component>();
  const get = (n: Node): Component => {
    let c = componentOf.get(n);
    if (!c) {
      c = { nodes: [n], speaker: n.unit.speaker };
      componentOf.set(n, c);
    }
    return c;
  };
  const merge = (a: Node, b: Node) => {
    const ca = get(a);
    const cb = get(b);
    if (ca === cb || !mergeable(ca, cb, weight)) return;
    const [big, small] = ca.nodes.length >= cb.nodes.length ? [ca, cb] : [cb, ca];
    for (const n of small.nodes) {
      big.nodes.push(n);
      componentOf.set(n, big);
    }
    big.speaker ??= small.speaker;
  };
  const light = pacer(CHEAP_PACE);
  for (const edge of edges) {
    merge(edge.a, edge.b);
    yield;
  }
  for (const [a, b] of yield* overlappingNodes([...componentOf.keys()])) {
    merge(a, b);
    yield;
  }

  for (const edge of edges) {
    if (light.tick()) yield;
    if (componentOf.get(edge.a) !== componentOf.get(edge.b)) continue;
    edge.a.strength += edge.score;
    edge.b.strength += edge.score;
  }
  const components = new Set<Component>();
  for (const c of componentOf.values()) {
    components.add(c);
    if (light.tick()) yield;
  }
  return [...components].map((c) => c.nodes);
}

/** Nodes of one unit whose spans overlap by at least half of the shorter one, most overlapping first. */
function* overlappingNodes(nodes: readonly Node[]): Steps<Array<[Node, Node]>> {
  const light = pacer(CHEAP_PACE);
  const byUnit = new Map<Unit, Node[]>();
  for (const n of nodes) {
    byUnit.set(n.unit, [...(byUnit.get(n.unit) ?? []), n]);
    if (light.tick()) yield;
  }
  const pairs: Array<{ a: Node; b: Node; share: number }> = [];
  for (const list of byUnit.values()) {
    if (light.tick()) yield;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
        const share = overlap / Math.min(a.end - a.start, b.end - b.start);
        if (share >= 0.5) pairs.push({ a, b, share });
      }
    }
  }
  yield* sortInSteps(pairs, (x, y) => y.share - x.share);
  return pairs.map((p) => [p.a, p.b]);
}

function mergeable(a: Component, b: Component, weight: Weights): boolean {
  if (a.speaker && b.speaker && a.speaker !== b.speaker) return false;
  for (const x of a.nodes) {
    for (const y of b.nodes) {
      if (x.unit.doc !== y.unit.doc) continue;
      if (x.start < y.end && y.start < x.end) continue;
      if (!isRepeat(x.keys, y.keys, weight)) return false;
    }
  }
  return true;
}

/** Two places of one document say the same thing when the shorter's terms are (nearly) all in the longer. */
function isRepeat(a: readonly string[], b: readonly string[], weight: Weights): boolean {
  const [short, long] = a.length <= b.length ? [new Set(a), new Set(b)] : [new Set(b), new Set(a)];
  let covered = 0;
  let total = 0;
  for (const k of short) {
    total += weight(k);
    if (long.has(k)) covered += weight(k);
  }
  return total > 0 && covered / total >= REPEAT_COVER;
}

function toStatement(
  nodes: readonly Node[],
  articles: ReadonlyMap<string, Article>,
  copiesOf: ReadonlyMap<string, readonly string[]>,
  organisations: Readonly<Record<string, readonly string[]>>,
): Statement | null {
  // One rendering per document: the node most strongly tied to the others (earliest on a tie).
  const perDoc = new Map<string, Node>();
  for (const n of nodes) {
    const held = perDoc.get(n.unit.doc);
    if (!held || n.strength > held.strength + 1e-9 || (Math.abs(n.strength - held.strength) < 1e-9 && n.start < held.start)) {
      perDoc.set(n.unit.doc, n);
    }
  }
  if (perDoc.size < 2) return null;
  const speaker = nodes.find((n) => n.unit.speaker)?.unit.speaker ?? null;

  const renderings: Rendering[] = [];
  for (const node of perDoc.values()) {
    const article = articles.get(node.unit.doc)!;
    const span = trimSpan(article.text, node.start, node.end) ?? node;
    const rendering = makeRendering(article, span.start, span.end, speaker, node.unit);
    rendering.primary = isPrimary(rendering, article, speaker, organisations);
    renderings.push(rendering);
    const copies = copiesOf.get(article.id) ?? [];
    for (const doc of copies) {
      const copy = articles.get(doc);
      const at = copy ? nearestOccurrence(copy.text, rendering.text, span.start) : -1;
      if (copy && at >= 0) {
        renderings.push({
          ...makeRendering(copy, at, at + rendering.text.length, speaker, node.unit),
          copyOf: article.id,
        });
      }
    }
  }
  renderings.sort(compareRenderings);
  // Copies follow their originals.
  const ordered = renderings.filter((r) => !r.copyOf).flatMap((r) => [r, ...renderings.filter((c) => c.copyOf === r.doc)]);
  const wordings = new Set(ordered.map((r) => foldedText(r.text))).size;
  return { speaker, renderings: ordered, wordings };
}

function makeRendering(article: Article, start: number, end: number, speaker: string | null, unit: Unit): Rendering {
  return {
    doc: article.id,
    start,
    end,
    text: article.text.slice(start, end),
    outlet: article.outlet,
    speaker,
    primary: false,
    paragraph: paragraphAt(article, start),
    kind: unit.kind,
    confidence: unit.confidence,
  };
}

function paragraphAt(article: Article, offset: number): number {
  return article.paragraphs.find((p) => p.start <= offset && offset < p.end)?.n ?? 1;
}

/** A transcript by the speaker, or a document published by the speaker's own organisation. */
function isPrimary(
  r: Rendering,
  article: Article,
  speaker: string | null,
  organisations: Readonly<Record<string, readonly string[]>>,
): boolean {
  if (r.kind === "transcript") return true;
  if (!speaker) return false;
  const outlet = article.outlet ? foldAccentsAndCase(article.outlet) : null;
  const host = hostOf(article.url);
  const own = [speaker, ...(organisations[speaker] ?? [])].map(foldAccentsAndCase);
  return own.some((name) => name === outlet || (host !== null && (host === name || host.endsWith(`.${name}`))));
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

let organisationsFile: Record<string, string[]> | null = null;

/** data/organisations.tsv: speaker, then their organisation's outlet names and domains. */
function defaultOrganisations(): Readonly<Record<string, readonly string[]>> {
  if (organisationsFile) return organisationsFile;
  const table: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const path = join(packageRoot(), "data", "organisations.tsv");
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.startsWith("#")) continue;
    const [speaker, ...own] = raw.split("\t").map((s) => s.trim()).filter(Boolean);
    if (speaker) table[speaker] = own;
  }
  organisationsFile = table;
  return table;
}

function nearestOccurrence(text: string, needle: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/** Primary first, then by document id and position. */
function compareRenderings(a: Rendering, b: Rendering): number {
  if (a.primary !== b.primary) return a.primary ? -1 : 1;
  return a.doc.localeCompare(b.doc) || a.start - b.start;
}

/** The text as compared for "distinct wordings": folded words only. */
export function foldedText(text: string): string {
  return tokens(text)
    .map((t) => t.folded)
    .join(" ");
}

/** The statements indexed for look-ups (by span, by query words), a pause after each statement. */
export function* statementIndexSteps(statements: Statement[], duplicates: string[][], weight: Weights): Steps<StatementIndex> {
  const keysOf = new Map<Statement, Set<string>>();
  for (const s of statements) {
    keysOf.set(s, new Set(s.renderings.flatMap((r) => contentTerms(r.text).map((t) => t.key))));
    yield;
  }
  return {
    ...statementsBySpan(statements),
    statements,
    duplicates,
    find(query, options = {}) {
      const among = options.speaker ? statements.filter((s) => s.speaker === options.speaker) : statements;
      return findStatement(query, among, keysOf, weight);
    },
  };
}

/** The statements' lookup by a span of a document. */
function statementsBySpan(statements: readonly Statement[]): Pick<StatementIndex, "containing" | "overlapping"> {
  const byDoc = new Map<string, Array<{ r: Rendering; s: Statement }>>();
  for (const s of statements) {
    for (const r of s.renderings) {
      const list = byDoc.get(r.doc) ?? [];
      list.push({ r, s });
      byDoc.set(r.doc, list);
    }
  }
  function overlapping(doc: string, start: number, end: number): Array<{ statement: Statement; rendering: Rendering }> {
    return (byDoc.get(doc) ?? [])
      .map(({ r, s }) => ({ statement: s, rendering: r, overlap: Math.min(end, r.end) - Math.max(start, r.start) }))
      .filter((o) => o.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap)
      .map(({ statement, rendering }) => ({ statement, rendering }));
  }
  return {
    containing(doc, start, end) {
      return overlapping(doc, start, end)[0]?.statement ?? null;
    },
    overlapping,
  };
}

/** A query must cover this share of its (weighted) topic terms in a statement's wordings. */
const MIN_QUERY_COVER = 0.6;

function findStatement(
  query: string,
  statements: readonly Statement[],
  keysOf: ReadonlyMap<Statement, ReadonlySet<string>>,
  weight: Weights,
): Statement | null {
  const queryKeys = [...new Set(contentTerms(query).map((t) => t.key))];
  let best: Statement | null = null;
  let bestScore = 0;
  for (const s of statements) {
    // Words naming the statement's speaker ("Lavrov infamous video") select rather than describe.
    const speakerKeys = new Set(s.speaker ? contentTerms(s.speaker).map((t) => t.key) : []);
    const topic = queryKeys.filter((k) => !speakerKeys.has(k));
    if (topic.length === 0) continue;
    const keys = keysOf.get(s)!;
    let covered = 0;
    let total = 0;
    for (const k of topic) {
      total += weight(k);
      if (keys.has(k)) covered += weight(k);
    }
    const cover = covered / total;
    if (cover < MIN_QUERY_COVER) continue;
    const named = topic.length < queryKeys.length ? 0.2 : 0;
    const closest = Math.max(
      ...s.renderings.map((r) => similarity(topic, contentTerms(r.text).map((t) => t.key), weight).score),
    );
    const score = cover + named + 0.1 * closest + 0.01 * s.renderings.length;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}
