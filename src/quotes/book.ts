/**
 * The QuoteBook: every quotation of the corpus with its canonical speaker, searchable by speaker and topic.
 * Topic ranking is MiniSearch (BM25) over the quotation texts with the shared text analysis, so "children"
 * finds "child" and "Kiev" finds "Kyiv"; the scores are read from MiniSearch's postings (postings.ts), and only
 * the quotations of the page asked for are marked. The same words quoted twice in one article are shown once
 * (repeats.ts).
 */
import { withSpeaker } from "./stored-quotation.js";
import type { Marks } from "../core/reply.js";
import type { Article, Corpus } from "../corpus/types.js";
import { normalizeTerm, tokenize } from "../text/analysis.js";
import { editDistance } from "../text/edit-distance.js";
import { packTerms } from "../index/packed-postings.js";
import { bitCount, type Postings } from "../index/postings.js";
import { articleFilter } from "../corpus/article-filter.js";
import { quoteArticle } from "./article-quotes.js";
import { phraseKey } from "./phrase-key.js";
import { nameWordSteps } from "./name-words.js";
import { pooled, StringPool } from "./string-pool.js";
import { TopicIndexBuilder, type TopicIndex } from "./topic-index.js";
import { NO_SPEAKER, QuoteTable } from "./quote-table.js";
import { lazyList, type QuotationStore } from "./quotation-store.js";
import { TitleIndex } from "./titles.js";
import { attributingSentenceTerms, termsOf, TopicPlaces } from "./topic-places.js";
import { speakerRegistrySteps, type BuiltRegistry } from "./registry.js";
import { collapseRepeats, type RankedHits } from "./repeats.js";
import { splitPartsAt, type QuotationPart } from "./split-quotation.js";
import { pacer, runInSlices, runToEnd, type SliceOptions, type Steps } from "../statements/steps.js";
import type { Learnt } from "./learnt-snapshot.js";
import type { GroupingFields, QuoteBook } from "./quote-book.js";
import type { ArticleQuotes, QuoteHit, QuoteQuery, Quotation, Speaker, TopicMatch } from "./types.js";

export { QUOTE_INDEX_OPTIONS, type IndexedQuote } from "./topic-index.js";

export interface Entry {
  article: Article;
  extracted: ArticleQuotes;
}

interface State {
  registry: BuiltRegistry;
  /** By position; a snapshot's quotations are made when read (quotation-store.ts `lazyList`). */
  quotations: readonly Quotation[];
  /** The snapshot's store of the quotations (a book as opened from one): quotations by id are looked up there. */
  store: QuotationStore | null;
  /** Made on first use: a start needs none. */
  byId: Map<string, Quotation> | null;
  table: QuoteTable;
  /** Built in time slices (`titlesInBackground`), or at once on a synchronous first use (titles.ts). */
  titles: TitleIndex | null;
  /** The build in slices under way for this state. */
  titlesBuilding: Promise<TitleIndex | null> | null;
  /** Where topics stand around the quotations (topic-places.ts), for topic-only queries: built in slices. */
  places: TopicPlaces | null;
  placesBuilding: Promise<TopicPlaces | null> | null;
  /** The words of the speakers' names: no misspelt topic word is read as one. Made on first use. */
  nameWords: Set<string> | null;
  /** The state of the book as opened (no article added or removed since): what it learns may be saved. */
  first: boolean;
}

/** A snapshot's titles and topic places for the book as opened, decoded once its registry is known (null: unusable). */
export type RestoreLearnt = (speakers: readonly Speaker[], quotations: number) => Steps<Learnt | null>;
/** Told when the book as opened has learnt its titles or topic places (learnt-snapshot.ts saves them). */
export type LearntListener = (learnt: Learnt, speakers: readonly Speaker[]) => void;

/**
 * What a snapshot keeps of a state of the book besides the quotations and their index (rebuilding it was most of
 * a start's work): the speaker registry, each quotation's canonical speaker, which quotations repeat another.
 */
export interface DerivedState {
  registry: BuiltRegistry;
  /** By position: the index in `registry.speakers` of the quotation's canonical speaker, -1 for none. */
  speakerOf: Int32Array;
  /** By position: 1 when the quotation repeats another of its article (repeats.ts). */
  repeatFlags: Uint8Array;
  /** By position: the quotation's group of wire copies in other articles (repeats.ts), -1 for none. */
  copyGroups: Int32Array;
  /** A snapshot's quotations as it stores them (quotation-store.ts), in the book's order; absent when made. */
  store?: QuotationStore;
}

/** Quotations added to the topic index between two pauses of `extractSteps`. */
const QUOTATIONS_INDEXED_PER_STEP = 2048;

export class CorpusQuoteBook implements QuoteBook {
  private entries = new Map<string, Entry>();
  private readonly index: TopicIndex;
  private readonly postings: Postings;
  private state: State | null = null;
  /** A snapshot's derived state, used for the book's first state (until an article is added or removed). */
  private restoredState: DerivedState | null = null;
  /** A snapshot's titles and topic places, for the book's first state. */
  private restoredLearnt: RestoreLearnt | null = null;
  private learntListener: LearntListener | null = null;
  /** Articles added or removed since the book opened. */
  private changes = 0;
  /** Index terms of quotations discarded from the topic index since their postings were last packed again. */
  private readonly toVacuum = new Set<string>();
  /** A query's hits (byRelevance), reused from query to query. */
  /** By position: placesOfTheTopic's marks (all 0 between queries). */
  private marked = new Uint8Array(0);
  private hits = { positions: new Int32Array(0), raw: new Float64Array(0), scores: new Float64Array(0), order: new Uint8Array(0), shortIds: new Int32Array(0) };
  /** Articles' analysed words, for quotations found by what their article is about (`aboutTheTopic`). */
  private readonly articleTermCache = new Map<string, ReadonlySet<string>>();
  /** Paragraphs' analysed words (`paragraphTerms`), by article id and paragraph number. */
  private readonly paragraphTermCache = new Map<string, ReadonlySet<string>>();
  /** One copy of each name and label the extracted articles hold (string-pool.ts). */
  private readonly strings = new StringPool();

  /**
   * The articles' quotations, extracted now. `restored` (use `CorpusQuoteBook.restored`): quotations extracted
   * earlier with a topic index holding exactly those quotations, in their order (a snapshot's), instead.
   */
  constructor(articles: readonly Article[] = [], restored: { entries: readonly Entry[]; index: TopicIndex; state: DerivedState | null } | null = null) {
    for (const entry of restored?.entries ?? []) this.entries.set(entry.article.id, entry);
    this.restoredState = restored?.state ?? null;
    if (restored) this.index = restored.index;
    else {
      for (const article of articles) this.entries.set(article.id, { article, extracted: pooled(quoteArticle(article), this.strings) });
      this.index = topicIndexOfEntries(this.entries.values());
    }
    this.postings = this.index.postings;
  }

  /**
   * `new CorpusQuoteBook(articles)` as steps (statements/steps.ts), for a running bot's first opening without a
   * snapshot: a pause after each article's extraction and every few thousand quotations indexed.
   */
  static *extractSteps(articles: readonly Article[]): Steps<CorpusQuoteBook> {
    const pool = new StringPool();
    const byDoc = new Map<string, Entry>();
    for (const article of articles) {
      byDoc.set(article.id, { article, extracted: pooled(quoteArticle(article), pool) });
      yield;
    }
    const builder = new TopicIndexBuilder();
    const pace = pacer(QUOTATIONS_INDEXED_PER_STEP);
    for (const { extracted } of byDoc.values()) {
      for (const q of extracted.quotations) {
        builder.add({ id: q.id, text: q.text });
        if (pace.tick()) yield;
      }
    }
    const index = yield* builder.finishSteps();
    return new CorpusQuoteBook([], { entries: [...byDoc.values()], index, state: null });
  }

  /** A book from quotations extracted earlier: no extraction runs; the registry is rebuilt from them. */
  static fromExtracted(entries: Iterable<{ article: Article; extracted: ArticleQuotes }>): CorpusQuoteBook {
    const byDoc = new Map<string, Entry>();
    for (const { article, extracted } of entries) byDoc.set(article.id, { article, extracted });
    return new CorpusQuoteBook([], { entries: [...byDoc.values()], index: topicIndexOfEntries(byDoc.values()), state: null });
  }

  /**
   * A book from a snapshot (snapshot-codec.ts): the quotations extracted earlier and their topic index, which
   * must hold exactly those quotations (nothing is indexed again), and the state derived from them, if saved.
   */
  static restored(entries: readonly Entry[], index: TopicIndex, state: DerivedState | null = null): CorpusQuoteBook {
    return new CorpusQuoteBook([], { entries, index, state });
  }

  /**
   * Titles and topic places learnt earlier for the book as opened (learnt-snapshot.ts): its first state takes
   * them instead of reading every article's text. Before the first state is made.
   */
  restoreLearnt(restore: RestoreLearnt): void {
    if (this.state) throw new Error("restoreLearnt comes before the book's first use");
    this.restoredLearnt = restore;
  }

  /** Calls `listener` whenever the book as opened learns its titles or topic places (for a snapshot of them). */
  onLearnt(listener: LearntListener): void {
    this.learntListener = listener;
  }

  /** The state derived from the quotations (for a snapshot), in the book's order. */
  derivedState(): DerivedState {
    this.current();
    return runToEnd(this.derivedStateSteps());
  }

  /**
   * `derivedState` as steps, for a running bot to save the book in time slices: the book's state is made in steps
   * too when it is not made yet. (A change meanwhile makes the result stale: `changeCount` tells.)
   */
  *derivedStateSteps(): Steps<DerivedState> {
    const entries = this.entries;
    const changes = this.changes;
    const state = this.state ?? (yield* this.stateSteps(entries, this.restoredState));
    if (!this.state && this.changes === changes) this.state = state;
    const { registry, table } = state;
    const numbers = new Map(registry.speakers.map((s, i) => [s, i]));
    const speakerOf = new Int32Array(table.quotations.length).fill(-1);
    const pace = pacer(QUOTES_PER_STEP * 16);
    let position = 0;
    for (const { article, extracted } of entries.values()) {
      for (const q of extracted.quotations) {
        const canonical = q.speaker === null ? null : registry.canonical(article.id, q.speaker);
        speakerOf[position++] = canonical ? numbers.get(canonical)! : -1;
      }
      if (pace.tick()) yield;
    }
    return { registry, speakerOf, repeatFlags: table.repeats.flags, copyGroups: table.copyGroups };
  }

  /** Articles added or removed since the book opened: a save in steps is abandoned when it moves. */
  get changeCount(): number {
    return this.changes;
  }

  /** Every article's own extraction (article-local speaker names), in the book's order: what a snapshot saves. */
  extracted(): Array<{ doc: string; article: Article; extracted: ArticleQuotes }> {
    return [...this.entries.values()].map((e) => ({ doc: e.article.id, article: e.article, extracted: e.extracted }));
  }

  /** The topic index, for a snapshot (snapshot-codec.ts reads its postings). */
  get topicIndex(): TopicIndex {
    return this.index;
  }

  /** A topic index of the book's quotations built afresh, in the book's order (for a snapshot of a changed book). */
  freshTopicIndex(): TopicIndex {
    return topicIndexOfEntries(this.entries.values());
  }

  /**
   * Every quotation, by position. A snapshot's are made as they are read (quotation-store.ts `lazyList`, a Proxy):
   * its `length` makes none; copy what a worker thread is to take into an array first (`filter`, `Array.from`).
   */
  get quotations(): readonly Quotation[] {
    return this.current().quotations;
  }

  get quotationCount(): number {
    return this.current().quotations.length;
  }

  groupingFields(from: number, to: number): readonly GroupingFields[] {
    // The quotations themselves carry the fields (a view of them, not a copy of each).
    return this.current().quotations.slice(from, to);
  }

  get speakers(): BuiltRegistry {
    return this.current().registry;
  }

  /** `extracted`: the article's quotations found already (in a worker thread), else they are extracted here. */
  upsert(article: Article, extracted?: ArticleQuotes): void {
    this.remove(article.id);
    this.add(article, extracted);
  }

  /**
   * Articles removed and articles added or changed (their quotations found already, in a worker thread), as steps
   * (statements/steps.ts) that pause every few hundred quotations, for a running bot to take a change in time
   * slices: the quotations indexed, then the state derived from them (the speaker registry across the corpus,
   * the quotation table) made anew. Until the last step the book answers as before the change, from its state
   * then; the quotations of changed articles are already out of its topic index, and the new ones are in the index
   * but in no table, so no search returns them. The last step puts the new state in place at once.
   */
  *changeSteps(removed: readonly string[], upserted: ReadonlyArray<{ article: Article; extracted: ArticleQuotes }>): Steps<void> {
    const next = new Map(this.entries);
    for (const doc of [...removed, ...upserted.map((u) => u.article.id)]) {
      const entry = next.get(doc);
      if (!entry) continue;
      // Out of the map first: an article changed goes last, as `upsert` (remove, then add) puts it.
      next.delete(doc);
      const quotations = entry.extracted.quotations;
      for (let i = 0; i < quotations.length; i += QUOTES_PER_STEP) {
        const some = quotations.slice(i, i + QUOTES_PER_STEP);
        // Discarded (not scored any more); their terms' postings are packed again with the new state.
        for (const q of some) for (const term of this.index.discard(q)) this.toVacuum.add(term);
        yield;
      }
    }
    for (const { article, extracted } of upserted) {
      pooled(extracted, this.strings);
      const quotations = extracted.quotations;
      for (let i = 0; i < quotations.length; i += QUOTES_PER_STEP) {
        const some = quotations.slice(i, i + QUOTES_PER_STEP);
        for (const q of some) this.index.add({ id: q.id, text: q.text });
        yield;
      }
      next.set(article.id, { article, extracted });
    }
    const state = yield* this.stateSteps(next, null, false);
    // Read on a running bot's first /quote with a title otherwise, all at once: read here, in steps.
    state.titles = yield* TitleIndex.buildSteps(
      [...next.values()].map((e) => ({ article: e.article, named: e.extracted.named })),
      (doc, name) => state.registry.canonical(doc, name),
    );
    state.byId = yield* byIdSteps(state.quotations);
    this.entries = next;
    this.state = state;
    this.restoredState = null;
    this.changes++;
    this.forgetTerms();
  }

  /**
   * The book's derived state and its title index made ready in steps (statements/steps.ts), for a running bot
   * to prepare them in time slices after the book opens, so that no answer waits for them.
   */
  *readySteps(): Steps<void> {
    const entries = this.entries;
    let state = this.state;
    if (!state) {
      const made = yield* this.stateSteps(entries, this.restoredState);
      // A change may have put another state in place meanwhile: this one is then stale.
      if (this.entries !== entries) return;
      state = this.state ??= made;
    }
    // A snapshot's store finds a quotation by its id without a map (and without making them all).
    if (!state.byId && !state.store) {
      const byId = yield* byIdSteps(state.quotations);
      state.byId ??= byId;
    }
    if (!state.nameWords) {
      const words = yield* nameWordSteps(state.registry.speakers);
      state.nameWords ??= words;
    }
    // What name suggestions read ("no quotation found: did you mean…"), else indexed on the first suggestion.
    if (state.registry.suggestionSteps) yield* state.registry.suggestionSteps();
    if (state.titles) return;
    const titles = yield* TitleIndex.buildSteps(
      [...entries.values()].map((e) => ({ article: e.article, named: e.extracted.named })),
      (doc, name) => state.registry.canonical(doc, name),
    );
    if (this.entries === entries && !state.titles) {
      state.titles = titles;
      this.learnt(state);
    }
  }

  remove(doc: string): void {
    const entry = this.entries.get(doc);
    if (!entry) return;
    // Removed from the postings now (not discarded until a vacuum), so that scores are those of a fresh index.
    this.index.removeAll(entry.extracted.quotations);
    this.entries.delete(doc);
    this.state = null;
    this.restoredState = null;
    this.changes++;
    this.forgetTerms();
  }

  /** One quotation by id, with its canonical speaker. */
  quotation(id: string): Quotation | undefined {
    const state = this.current();
    if (state.store && !state.byId) {
      const position = state.store.positionOf(id);
      return position < 0 ? undefined : state.quotations[position];
    }
    state.byId ??= new Map(state.quotations.map((q) => [q.id, q]));
    return state.byId.get(id);
  }

  splitParts(id: string): QuotationPart[] | null {
    const doc = this.quotation(id)?.doc;
    const entry = doc === undefined ? undefined : this.entries.get(doc);
    if (!entry) return null;
    const quotations = entry.extracted.quotations;
    const at = quotations.findIndex((q) => q.id === id);
    // The article's text only when a neighbour may continue it: counting hits must not read every text.
    return at < 0 ? null : splitPartsAt(() => entry.article.text, quotations, at);
  }

  /**
   * Titles and honorifics as the articles give them, at once (about a second on the BBC corpus): for the CLI and
   * tests. A running bot asks `titlesIfReady` and builds them with `titlesInBackground`.
   */
  titles(): TitleIndex {
    const state = this.current();
    if (!state.titles) {
      state.titles = TitleIndex.build(this.titleEntries(), (doc, name) => state.registry.canonical(doc, name));
      this.learnt(state);
    }
    return state.titles;
  }

  /** The titles of the book as it stands, when built already; else null (nothing is built here). */
  titlesIfReady(): TitleIndex | null {
    return this.state?.titles ?? null;
  }

  /**
   * Builds the titles in time slices (statements/steps.ts), the event loop served between them; one build per
   * state of the book, however often asked. Resolves with them, or null when the book changed meanwhile (they
   * would be stale: never published) or the build failed.
   */
  titlesInBackground(options: Pick<SliceOptions, "sliceMs"> = {}): Promise<TitleIndex | null> {
    const state = this.current();
    if (state.titles) return Promise.resolve(state.titles);
    state.titlesBuilding ??= runInSlices(
      TitleIndex.buildSteps(this.titleEntries(), (doc, name) => state.registry.canonical(doc, name)),
      options,
    ).then(
      (built) => {
        if (this.state !== state) return null;
        if (!state.titles) {
          state.titles = built;
          this.learnt(state);
        }
        return state.titles;
      },
      () => {
        state.titlesBuilding = null;
        return null;
      },
    );
    return state.titlesBuilding;
  }

  /** Where topics stand around the quotations, when learnt already; else null (nothing is built here). */
  placesIfReady(): TopicPlaces | null {
    return this.state?.places ?? null;
  }

  /**
   * Learns where topics stand around the quotations, in time slices; once done, topic-only searches rank the
   * quotations whose paragraph or article is about the topic after those that say it. Null when the book changed
   * meanwhile or the build failed.
   */
  placesInBackground(options: Pick<SliceOptions, "sliceMs"> = {}): Promise<TopicPlaces | null> {
    const state = this.current();
    if (state.places) return Promise.resolve(state.places);
    // Asked by every topic /quote until built: the list of every article is made once, for the one build.
    if (state.placesBuilding) return state.placesBuilding;
    const entries = [...this.entries.values()].map((e) => ({ article: e.article, quotations: e.extracted.quotations }));
    // Misspelt topic words are respelled once places are known, never as a speaker's name word: those words are
    // made here too, so that no query makes them (tens of milliseconds at a million passages).
    const steps = function* (): Steps<TopicPlaces> {
      const places = yield* TopicPlaces.buildSteps(entries, leadOf);
      state.nameWords ??= yield* nameWordSteps(state.registry.speakers);
      return places;
    };
    state.placesBuilding ??= runInSlices(steps(), options).then(
      (built) => {
        if (this.state !== state) return null;
        if (!state.places) {
          state.places = built;
          this.learnt(state);
        }
        return state.places;
      },
      () => {
        state.placesBuilding = null;
        return null;
      },
    );
    return state.placesBuilding;
  }

  /** The articles with their own names, as they are now (a change meanwhile does not touch this list). */
  private titleEntries(): Array<{ article: Article; named: ArticleQuotes["named"] }> {
    return [...this.entries.values()].map((e) => ({ article: e.article, named: e.extracted.named }));
  }

  search(query: QuoteQuery, page: { offset: number; limit: number }): { hits: QuoteHit[]; total: number; respelled?: Array<{ typed: string; as: string }> } {
    const { table } = this.current();
    const speaker = query.speaker === null ? null : table.speakerNumber(query.speaker);
    const passes = this.filterOf(query, table);
    const { terms, respelled } = this.respelled(queryTerms(query), wordTerms(query));
    let ranked =
      terms.length === 0
        ? query.speaker !== null || query.sort === "new"
          ? this.newestFirst(table, speaker, passes)
          : byConfidence(table, speaker, passes)
        : this.byRelevance(table, terms, speaker === null ? null : (shortId: number) => table.isBy(shortId, speaker), passes);
    // A named speaker's quotations that do not say the words but stand in a paragraph or article about them.
    const places = this.state?.places ?? null;
    const tiers =
      terms.length === 0
        ? null
        : speaker !== null && speaker !== NO_SPEAKER
          ? this.aboutTheTopic(table, ranked, terms, speaker, query)
          : speaker === null && places
            ? this.placesOfTheTopic(table, ranked, terms, places, query)
            : null;
    if (tiers) ranked = tiers.ranked;
    if (query.sort === "new" && terms.length > 0) ranked = this.newerFirst(table, ranked, tiers?.tier ?? null);
    const { groups, total } = collapseRepeats(ranked, table, page);
    const termSet = new Set(terms);
    // Only the page's quotations are marked.
    const hits = groups.map(({ shown, score, copies }): QuoteHit => {
      const quotation = table.quotations[ranked.positions[shown]!]!;
      const match = terms.length === 0 ? null : TIER_MATCH[tiers?.tier[shown] ?? 0]!;
      return {
        quotation,
        score,
        marks: match === "words" ? marksOf(quotation.text, termSet) : [],
        match,
        copies: copies.map((i) => table.quotations[ranked.positions[i]!]!.id),
      };
    });
    return respelled.length > 0 ? { hits, total, respelled } : { hits, total };
  }

  /**
   * Which of the speakers (canonical names) have a quotation saying the topic words, as `search` with that speaker
   * and topic would show first (a first hit whose match is "words"), with the topic's phrases, outlet and dates:
   * one topic search for all of them, where `search` per speaker would rank each one's every quotation. A speaker's
   * best hit saying the words is the first `search` shows, unless it repeats another quotation of its article (a
   * group of repeats is shown by its surest member, which may stand in the tiers after): then `search` decides.
   */
  speakersSaying(speakers: readonly string[], topic: Omit<QuoteQuery, "speaker" | "sort">): Set<string> {
    const saying = new Set<string>();
    const { table } = this.current();
    const query: QuoteQuery = { ...topic, speaker: null };
    const { terms } = this.respelled(queryTerms(query), wordTerms(query));
    const asked = [...new Set(speakers)].map((name) => ({ name, number: table.speakerNumber(name), best: -1 })).filter((s) => s.number !== NO_SPEAKER);
    if (terms.length === 0 || asked.length === 0) return saying;
    const ranked = this.byRelevance(table, terms, (shortId) => asked.some((s) => table.isBy(shortId, s.number)), this.filterOf(query, table));
    const shortIds = this.hits.shortIds;
    for (let i = 0; i < ranked.count; i++) {
      for (const s of asked) {
        if (table.isBy(shortIds[i]!, s.number) && (s.best < 0 || ranked.compare(i, s.best) < 0)) s.best = i;
      }
    }
    const flags = table.repeats.flags;
    // Read before any `search` below reuses the hit arrays.
    const repeating = asked.map((s) => s.best >= 0 && flags[ranked.positions[s.best]!] === 1);
    asked.forEach((s, i) => {
      if (s.best < 0) return;
      if (!repeating[i] || this.search({ ...query, speaker: s.name }, { offset: 0, limit: 1 }).hits[0]?.match === "words") saying.add(s.name);
    });
    return saying;
  }

  /**
   * Misspelt topic words ("Irak", "subsidys"), as /sources reads them: a word no article uses (known once the
   * topic places are learnt, topic-places.ts; until then none is respelled) is read as the nearest word the quotations use (the closest spelling, then
   * the most quoted), never as a word of a speaker's name: a speaker is named as such (commands/quote.ts), not
   * found fuzzily in the topic.
   */
  private respelled(terms: readonly string[], bare: ReadonlySet<string>): { terms: string[]; respelled: Array<{ typed: string; as: string }> } {
    const respelled: Array<{ typed: string; as: string }> = [];
    // Only once the articles' words are learnt: a word the articles use, if not the quotations, is no misspelling.
    const places = this.state?.places ?? null;
    if (!places) return { terms: [...terms], respelled };
    const out = terms.map((term) => {
      // A phrase's words are asked as typed: the phrase must stand in the quotation.
      if (!bare.has(term) || term.length < FUZZY_MIN_LENGTH || /^\d+$/.test(term)) return term;
      const [exact] = this.postings.expand([{ term, fuzzy: false }]);
      if (exact!.matches.length > 0 || places.knows(term)) return term;
      const names = this.nameWords();
      const [near] = this.postings.expand([{ term, fuzzy: true }]);
      let best: { term: string; weight: number; docs: number } | null = null;
      for (const m of near!.matches) {
        // One edit under eight letters, two from eight: "weather" is no misspelling of "whether".
        if (names.has(m.term) || editDistance(term, m.term, 2) > (term.length >= 8 ? 2 : 1)) continue;
        const docs = this.postings.count([{ term: m.term, matches: [m] }]);
        if (!best || m.weight > best.weight || (m.weight === best.weight && docs > best.docs)) best = { term: m.term, weight: m.weight, docs };
      }
      if (!best || terms.includes(best.term)) return term;
      respelled.push({ typed: term, as: best.term });
      return best.term;
    });
    return { terms: [...new Set(out)], respelled };
  }

  /** The analysed words of the speakers' names and aliases (in this state of the book). */
  private nameWords(): ReadonlySet<string> {
    const state = this.current();
    state.nameWords ??= runToEnd(nameWordSteps(state.registry.speakers));
    return state.nameWords;
  }

  /** The phrases and the outlet and date filters as one test of a position, or null when the query has none. */
  private filterOf(query: QuoteQuery, table: QuoteTable): ((position: number) => boolean) | null {
    const phraseKeys = query.phrases.map(phraseKey).filter(Boolean);
    const byArticle = articleFilter(query);
    if (phraseKeys.length === 0 && !byArticle) return null;
    return (position) =>
      (byArticle === null || byArticle(this.articleAt(table, position))) && phraseKeys.every((p) => table.phraseKeyOf(position).includes(p));
  }

  private articleAt(table: QuoteTable, position: number): Article {
    return this.entries.get(table.quotations[position]!.doc)!.article;
  }

  /** The article's day (YYYY-MM-DD), "" when unknown: sorts after every date when newest come first. */
  private dayAt(table: QuoteTable, position: number): string {
    return this.articleAt(table, position).published?.slice(0, 10) ?? "";
  }

  /** Without topic words: the speaker's quotations (everyone's for null), newest article first, then surest. */
  private newestFirst(table: QuoteTable, speaker: number | null, passes: ((position: number) => boolean) | null): RankedHits {
    const byConfidenceHits = byConfidence(table, speaker, passes);
    return this.newerFirst(table, byConfidenceHits, null);
  }

  /** The same hits, newest article first (within each tier, when there are tiers); ties in the given order. */
  private newerFirst(table: QuoteTable, hits: RankedHits, tier: Uint8Array | null): RankedHits {
    // Each hit's day read when it is first compared (a much-quoted speaker has thousands of hits; a page needs few).
    const days: Array<string | undefined> = new Array<string | undefined>(hits.count);
    const dayOf = (i: number): string => (days[i] ??= this.dayAt(table, hits.positions[i]!));
    return {
      ...hits,
      compare: (a, b) => (tier ? tier[a]! - tier[b]! : 0) || compareDays(dayOf(a), dayOf(b)) || hits.compare(a, b),
    };
  }

  /**
   * The hits whose words match (tier 0), then the speaker's other quotations whose attributing sentence (tier 1:
   * "He said his Budget struck a balance “…”"), paragraph (tier 2) or article (tier 3: its title and lead) has all
   * the topic words: newest first, then surest. They pass the outlet and date
   * filters but not the phrases (a phrase is asked of the quoted words).
   */
  private aboutTheTopic(table: QuoteTable, found: RankedHits, terms: readonly string[], speaker: number, query: QuoteQuery): { ranked: RankedHits; tier: Uint8Array } | null {
    const matched = new Set<number>();
    for (let i = 0; i < found.count; i++) matched.add(found.positions[i]!);
    const byArticle = articleFilter(query);
    const termSet = new Set(terms);
    // Once learnt (topic-places.ts), the places say it without reading the speaker's articles (texts read when shown).
    const places = this.state?.table === table ? this.state.places : null;
    const paragraphsWithAll = places?.paragraphsWithAll(terms) ?? null;
    const articlesWithAll = places?.articlesWithAll(terms) ?? null;
    const sentencesWithAll = places?.sentencesWithAll(terms) ?? null;
    const extra: Extras = { positions: [], tiers: [] };
    for (const position of table.positionsOf(speaker)) {
      if (matched.has(position)) continue;
      const q = table.quotations[position]!;
      // Every topic word, in the sentence attributing it, else the paragraph, else the article: a word alone there
      // is not what it is about. (The sentence is read only when its paragraph has them all.)
      let inParagraph: boolean;
      let inArticle: () => boolean;
      let inSentence: () => boolean;
      if (paragraphsWithAll && articlesWithAll && sentencesWithAll) {
        // The places say it: the article (a look-up by id) is read only for the quotations they keep.
        inParagraph = holds(paragraphsWithAll, position);
        inArticle = () => holds(articlesWithAll, position);
        inSentence = () => holds(sentencesWithAll, position);
      } else {
        const article = this.articleAt(table, position);
        const paragraphTerms = this.paragraphTerms(article, q.paragraph);
        inParagraph = paragraphTerms ? countTerms(paragraphTerms, termSet) === termSet.size : false;
        inArticle = () => countTerms(this.articleTerms(article), termSet) === termSet.size;
        inSentence = () => countTerms(this.sentenceTerms(article, q), termSet) === termSet.size;
      }
      if (!inParagraph && !inArticle()) continue;
      if (byArticle && !byArticle(this.articleAt(table, position))) continue;
      const tier = !inParagraph ? TIER_ARTICLE : inSentence() ? TIER_SENTENCE : TIER_PARAGRAPH;
      extra.positions.push(position);
      extra.tiers.push(tier);
    }
    return this.withTiers(table, found, extra);
  }

  /** The hits (tier 0) followed by the extra quotations in their tiers: newest first, then surest, in each. */
  private withTiers(table: QuoteTable, found: RankedHits, extra: Extras): { ranked: RankedHits; tier: Uint8Array } | null {
    const extras = extra.positions.length;
    if (extras === 0) return null;
    const count = found.count + extras;
    const positions = new Int32Array(count);
    const scores = new Float64Array(count);
    const tier = new Uint8Array(count);
    positions.set(found.positions.subarray(0, found.count));
    scores.set(found.scores.subarray(0, found.count));
    positions.set(extra.positions, found.count);
    tier.set(extra.tiers, found.count);
    const baseCompare = found.compare;
    // An extra's day, read when two extras of a tier are compared (a page rarely reaches them; there may be thousands).
    const days: Array<string | undefined> = new Array<string | undefined>(extras);
    const dayOf = (i: number): string => (days[i] ??= this.dayAt(table, positions[found.count + i]!));
    const compare = (a: number, b: number): number => {
      if (tier[a] !== tier[b]) return tier[a]! - tier[b]!;
      if (tier[a] === 0) return baseCompare(a, b);
      const x = positions[a]!;
      const y = positions[b]!;
      return compareDays(dayOf(a - found.count), dayOf(b - found.count)) || table.quotations[y]!.confidence - table.quotations[x]!.confidence || x - y;
    };
    return { ranked: { count, positions, scores, compare }, tier };
  }

  /**
   * Without a speaker: the hits whose words match (tier 0), then the attributed quotations whose paragraph (tier
   * 2) or article's title and lead (tier 3) hold every topic word, as learnt (topic-places.ts); newest first, then
   * surest, within a tier. They pass the outlet and date filters but not the phrases, as for a speaker's. (A
   * common word's hits and places are counted in thousands: they are marked in a reused array, not a Set.)
   */
  private placesOfTheTopic(table: QuoteTable, found: RankedHits, terms: readonly string[], places: TopicPlaces, query: QuoteQuery): { ranked: RankedHits; tier: Uint8Array } | null {
    if (this.marked.length < table.quotations.length) this.marked = new Uint8Array(Math.max(table.quotations.length, this.marked.length * 2));
    const marked = this.marked;
    for (let i = 0; i < found.count; i++) marked[found.positions[i]!] = 1;
    const byArticle = articleFilter(query);
    const extra: Extras = { positions: [], tiers: [] };
    try {
      for (const [tier, positions] of [[TIER_PARAGRAPH, places.paragraphsWithAll(terms)], [TIER_ARTICLE, places.articlesWithAll(terms)]] as const) {
        for (const position of positions) {
          const q = table.quotations[position];
          if (!q || q.speaker === null || marked[position] === 1) continue;
          if (byArticle && !byArticle(this.articleAt(table, position))) continue;
          marked[position] = 1;
          extra.positions.push(position);
          extra.tiers.push(tier);
        }
      }
    } finally {
      for (let i = 0; i < found.count; i++) marked[found.positions[i]!] = 0;
      for (const position of extra.positions) marked[position] = 0;
    }
    return this.withTiers(table, found, extra);
  }

  /**
   * The analysed words of what an article is about: its title and lead (first body paragraphs), not a passing
   * mention further down. Remembered for a few thousand articles.
   */
  /**
   * The analysed words of the article's paragraph numbered `n`, null when it has none: remembered for a few
   * thousand paragraphs (a much-quoted speaker's quotations are read for every topic asked of them).
   */
  private paragraphTerms(article: Article, n: number): ReadonlySet<string> | null {
    const key = `${article.id}\0${n}`;
    let terms = this.paragraphTermCache.get(key);
    if (!terms) {
      // Paragraphs are numbered in order from 1, so the number is usually the place.
      const guess = article.paragraphs[n - 1];
      const paragraph = guess?.n === n ? guess : article.paragraphs.find((p) => p.n === n);
      if (!paragraph) return null;
      terms = termsOf(article.text.slice(paragraph.start, paragraph.end));
      if (this.paragraphTermCache.size >= PARAGRAPH_TERM_CACHE_LIMIT) this.paragraphTermCache.clear();
      this.paragraphTermCache.set(key, terms);
    }
    return terms;
  }

  /** The analysed words of the sentence attributing the quotation, its own words left out. */
  private sentenceTerms(article: Article, q: Quotation): ReadonlySet<string> {
    return attributingSentenceTerms(article, q, this.entries.get(article.id)?.extracted.quotations ?? [q]);
  }

  private articleTerms(article: Article): ReadonlySet<string> {
    let terms = this.articleTermCache.get(article.id);
    if (!terms) {
      const body = leadOf(article).map((p) => article.text.slice(p.start, p.end));
      terms = termsOf([article.title ?? "", ...body].join("\n"));
      if (this.articleTermCache.size >= ARTICLE_TERM_CACHE_LIMIT) this.articleTermCache.clear();
      this.articleTermCache.set(article.id, terms);
    }
    return terms;
  }

  /**
   * The quotations matching any of the terms: those saying more of the topic words first, whole quotations before
   * short fragments (a few words quoted inside the reporter's sentence) saying as many, then by MiniSearch's BM25
   * score read from the postings (postings.ts), weighted so that sure attributions and whole sentences come first
   * among equally relevant quotations. The arrays are the book's own, reused from query to query (a common word's
   * hits are counted in ten thousands).
   */
  private byRelevance(table: QuoteTable, terms: readonly string[], accept: ((shortId: number) => boolean) | null, passes: ((position: number) => boolean) | null): RankedHits {
    const found = terms.length <= MAX_CLAUSES ? this.scoreFromPostings(terms, accept) : this.scoreMany(terms, accept);
    // From the postings, `found.scores` is `raw` itself: hit i is read before hit `count` (<= i) is written.
    const { positions, raw, scores, order, shortIds } = this.hitArrays(found.count);
    const { confidenceWeight, partial } = table;
    // The distinct words of each quotation, as indexed: enough to tell most fragments without reading a text.
    const lengths = this.postings.documentLengths();
    let count = 0;
    for (let i = 0; i < found.count; i++) {
      const position = table.positionOf(found.shortIds[i]!);
      if (position < 0 || (passes && !passes(position))) continue;
      const score = found.scores[i]!;
      const matched = found.matched(i);
      positions[count] = position;
      shortIds[count] = found.shortIds[i]!;
      raw[count] = score;
      // (score * (0.6 + 0.4 * confidence)) * (0.9 for a partial quotation): in this order, so that the
      // floating-point result (and so the order of near-ties) is what it always was.
      scores[count] = round(score * confidenceWeight[position]! * (partial[position] === 1 ? 0.9 : 1));
      // Topic words said, then a whole quotation (1) before a short fragment (0): larger first.
      const fragment = partial[position] === 1 && (lengths[found.shortIds[i]!] ?? 0) < FRAGMENT_WORDS && isShortFragment(table.quotations[position]!.text);
      order[count] = Math.min(matched, 127) * 2 + (fragment ? 0 : 1);
      count++;
    }
    return {
      count,
      positions,
      scores,
      // More topic words, then whole quotations, then the best score; on a tie, MiniSearch's order: its own score,
      // then the order it found them in.
      compare: (a, b) => order[b]! - order[a]! || scores[b]! - scores[a]! || raw[b]! - raw[a]! || a - b,
    };
  }

  /** Arrays for `count` hits at least, reused (a search is synchronous, and its answer holds none of them). */
  private hitArrays(count: number): { positions: Int32Array; raw: Float64Array; scores: Float64Array; order: Uint8Array; shortIds: Int32Array } {
    if (this.hits.positions.length < count) {
      const size = Math.max(count, this.hits.positions.length * 2, 1024);
      this.hits = { positions: new Int32Array(size), raw: new Float64Array(size), scores: new Float64Array(size), order: new Uint8Array(size), shortIds: new Int32Array(size) };
    }
    return this.hits;
  }

  /**
   * MiniSearch's scores (`combineWith: "OR"`) by short id, in the order MiniSearch finds the documents, with how
   * many of the terms each hit holds.
   */
  private scoreFromPostings(terms: readonly string[], accept: ((shortId: number) => boolean) | null): FoundHits {
    const clauses = this.postings.expand(terms.map((term) => ({ term, fuzzy: false })));
    const touched = this.postings.score(clauses, accept);
    const { docs, score, mask } = touched;
    // By hit rather than by short id: read where the hits are (the arrays are the postings' own, valid until the next query).
    const scores = this.hitArrays(touched.count).raw;
    for (let i = 0; i < touched.count; i++) scores[i] = score[docs[i]!]!;
    return { count: touched.count, shortIds: docs, scores, matched: (i) => bitCount(mask[docs[i]!]!) };
  }

  /** More terms than `scoreFromPostings` scores at once (a long pasted text): clauses counted, not marked. */
  private scoreMany(terms: readonly string[], accept: ((shortId: number) => boolean) | null): FoundHits {
    const clauses = this.postings.expand(terms.map((term) => ({ term, fuzzy: false })));
    const touched = this.postings.scoreMany(clauses, accept);
    const { docs, score, matched } = touched;
    const scores = this.hitArrays(touched.count).raw;
    for (let i = 0; i < touched.count; i++) scores[i] = score[docs[i]!]!;
    return { count: touched.count, shortIds: docs, scores, matched: (i) => matched[docs[i]!]! };
  }

  /** One article changed: its terms are packed again with the next state. */
  private add(article: Article, extracted = quoteArticle(article)): void {
    pooled(extracted, this.strings);
    this.entries.set(article.id, { article, extracted });
    for (const q of extracted.quotations) this.index.add({ id: q.id, text: q.text });
    this.state = null;
    this.restoredState = null;
    this.changes++;
  }

  /** The articles' remembered words may be those of an article since changed. */
  private forgetTerms(): void {
    this.articleTermCache.clear();
    this.paragraphTermCache.clear();
  }

  /** The book as opened has learnt more: told to the listener (a snapshot of it), unless it changed since. */
  private learnt(state: State): void {
    if (!state.first || this.state !== state || !this.learntListener) return;
    try {
      this.learntListener({ titles: state.titles, places: state.places }, state.registry.speakers);
    } catch {
      // Saving what was learnt is an optimisation of the next start: the listener logs its own failures.
    }
  }

  private current(): State {
    this.state ??= runToEnd(this.stateSteps(this.entries, this.restoredState));
    return this.state;
  }

  /**
   * The state of the book with these entries, as steps (statements/steps.ts): `restored` is a snapshot's derived
   * state for exactly these entries, or null to derive it (the speaker registry is most of the work).
   * `asOpened`: false for the entries of a change under way (what was learnt of the book as opened is not theirs).
   */
  private *stateSteps(entries: ReadonlyMap<string, Entry>, restored: DerivedState | null, asOpened = true): Steps<State> {
    const first = asOpened && this.changes === 0;
    // The terms of the quotations a change discarded are packed again without them (packed-postings.ts: a pass
    // over their bytes), so that scores are those of a fresh index. (Quotations added were appended packed.)
    while (this.toVacuum.size > 0) {
      const some = [...take(this.toVacuum, TERMS_PER_STEP)];
      packTerms(this.index.index, some);
      for (const term of some) this.toVacuum.delete(term);
      yield;
    }
    const registry =
      restored?.registry ??
      (yield* speakerRegistrySteps([...entries.values()].map((e) => ({ doc: e.article.id, named: e.extracted.named, quotations: e.extracted.quotations }))));
    // A role's quotations ("Home Office spokesman") are also its organisation's: `/quote Home Office` finds them.
    // A person's aide or spokesman ("Richard Lyng’s aide") speaks in their own words, not the person's: /quote
    // asks for what someone said, so they are not filed under the person.
    const organisations = new Map(
      registry.speakers.filter((s) => s.organisation !== undefined && !speaksForAPerson(s, registry)).map((s) => [s.name, s.organisation!]),
    );
    const store = restored?.store ?? null;
    let quotations: readonly Quotation[];
    let table: QuoteTable;
    if (restored && store) {
      // A snapshot's quotations stay in its sections: each made (under its canonical speaker) when first read.
      const { speakers } = registry;
      const { speakerOf } = restored;
      quotations = lazyList(store.count, (position) => {
        const q = store.quotation(position);
        if (q.speaker === null) return q;
        const speaker = speakers[speakerOf[position]!]?.name ?? q.speaker;
        return speaker === q.speaker ? q : withSpeaker(q, speaker);
      });
      table = yield* QuoteTable.storedSteps(quotations, store, speakerOf, speakers, restored.repeatFlags, organisations, restored.copyGroups);
    } else {
      const made: Quotation[] = [];
      const pace = pacer(QUOTES_PER_STEP);
      for (const { article, extracted } of entries.values()) {
        for (const q of extracted.quotations) {
          let speaker = q.speaker;
          if (speaker !== null) {
            const canonical = restored ? registry.speakers[restored.speakerOf[made.length]!] : registry.canonical(article.id, speaker);
            speaker = canonical?.name ?? speaker;
          }
          made.push(speaker === q.speaker ? q : withSpeaker(q, speaker));
        }
        if (pace.tick()) yield;
      }
      quotations = made;
      table = yield* QuoteTable.steps(quotations, (id) => this.postings.shortId(id), restored?.repeatFlags, organisations, restored?.copyGroups);
    }
    // What was learnt of the book as opened, saved: neither titles nor places read every article's text again.
    const restore = first && this.changes === 0 ? this.restoredLearnt : null;
    const learnt = restore ? yield* restore(registry.speakers, quotations.length) : null;
    const titles = learnt?.titles ?? null;
    const places = learnt?.places ?? null;
    return { registry, quotations, store: restored ? store : null, byId: null, table, titles, titlesBuilding: null, places, placesBuilding: null, nameWords: null, first: first && this.changes === 0 };
  }
}


/** A role speaking for a person ("Richard Lyng’s aide", as role-speaker.ts names it) rather than for a body. */
function speaksForAPerson(role: Speaker, registry: BuiltRegistry): boolean {
  const principal = role.organisation!;
  return registry.resolve(principal)?.kind === "person" || role.name.startsWith(`${principal}’s `);
}

/** The quotations by id (`quotation(id)`), made in steps. */
function* byIdSteps(quotations: readonly Quotation[]): Steps<Map<string, Quotation>> {
  const byId = new Map<string, Quotation>();
  for (let i = 0; i < quotations.length; i++) {
    byId.set(quotations[i]!.id, quotations[i]!);
    if (i % 4096 === 4095) yield;
  }
  return byId;
}

/** The first `n` items of an iterable. */
function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const item of items) {
    yield item;
    if (--n === 0) return;
  }
}

/** Index terms packed again between two pauses. */
const TERMS_PER_STEP = 500;

/** The topic index of the entries' quotations, in their order (as `addAll` over them would make it). */
function topicIndexOfEntries(entries: Iterable<Entry>): TopicIndex {
  const builder = new TopicIndexBuilder();
  for (const { extracted } of entries) for (const q of extracted.quotations) builder.add({ id: q.id, text: q.text });
  return builder.finish();
}

export function buildQuoteBook(corpus: Pick<Corpus, "articles">): CorpusQuoteBook {
  return new CorpusQuoteBook(corpus.articles);
}

/** The hits of the topic words: by hit, the short id, MiniSearch's score and how many of the words it holds. */
/** Quotations added after a query's hits, with their tiers (TIER_SENTENCE and after). */
interface Extras {
  positions: number[];
  tiers: number[];
}

interface FoundHits {
  count: number;
  shortIds: Int32Array;
  scores: ArrayLike<number>;
  matched(hit: number): number;
}

/** A partial quotation of fewer words than this is a fragment: a whole quotation saying as much comes first. */
export const FRAGMENT_WORDS = 8;

/** Fewer than FRAGMENT_WORDS words. */
export function isShortFragment(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code <= 0x20 || (code >= 0x80 && /\s/.test(text[i]!));
    if (!space && !inWord && ++words >= FRAGMENT_WORDS) return false;
    inWord = !space;
  }
  return true;
}

/** Topic words shorter than this are never read as misspellings (as /sources, source-index.ts). */
const FUZZY_MIN_LENGTH = 4;

/** Quotations indexed between two pauses of `changeSteps`. */
const QUOTES_PER_STEP = 256;

/** Postings score at most 32 clauses at once. */
const MAX_CLAUSES = 32;

/**
 * The query's words and the words of its phrases as the index holds them: normalized once, like the indexed
 * text (normalizing twice differs for a few words: "US" -> us, a stop word; "AIDS" -> aids -> aid). First seen first.
 */
function queryTerms(query: QuoteQuery): string[] {
  const terms = [...query.words, ...query.phrases.flatMap((p) => p.split(/\s+/))]
    .flatMap((w) => tokenize(w).map((t) => normalizeTerm(t.term)))
    .filter((t): t is string => t !== null);
  return [...new Set(terms)];
}

/** The analysed bare words of the query (not its phrases'). */
function wordTerms(query: QuoteQuery): Set<string> {
  return new Set(query.words.flatMap((w) => tokenize(w).map((t) => normalizeTerm(t.term))).filter((t): t is string => t !== null));
}

/** Without topic words: the speaker's quotations (everyone's for null) with the phrases, surest first. */
function byConfidence(table: QuoteTable, speaker: number | null, passes: ((position: number) => boolean) | null): RankedHits {
  const order = speaker === NO_SPEAKER ? new Int32Array(0) : table.byConfidence(speaker);
  const positions = passes ? order.filter(passes) : order;
  const scores = new Float64Array(positions.length);
  positions.forEach((position, i) => {
    scores[i] = round(table.quotations[position]!.confidence);
  });
  return { count: positions.length, positions, scores, compare: (a, b) => a - b };
}

const TIER_MATCH: readonly TopicMatch[] = ["words", "sentence", "paragraph", "article"];
const TIER_SENTENCE = 1;
const TIER_PARAGRAPH = 2;
const TIER_ARTICLE = 3;
/** Body paragraphs that say what an article is about, with its title. */
export const LEAD_PARAGRAPHS = 3;

/** The headline lines and the first body paragraphs. */
export function leadOf(article: Article): Article["paragraphs"] {
  const headlines = article.paragraphs.filter((p) => p.role === "headline");
  return [...headlines, ...article.paragraphs.filter((p) => p.role === "body").slice(0, LEAD_PARAGRAPHS)];
}
const ARTICLE_TERM_CACHE_LIMIT = 5_000;
const PARAGRAPH_TERM_CACHE_LIMIT = 20_000;

/** Newer day first; an unknown day ("") last. */
function compareDays(a: string, b: string): number {
  return a === b ? 0 : a < b ? 1 : -1;
}

/** Whether the ascending list holds the position (binary search). */
function holds(sorted: Int32Array, position: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = sorted[mid]!;
    if (at === position) return true;
    if (at < position) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

function countTerms(found: ReadonlySet<string>, wanted: ReadonlySet<string>): number {
  let n = 0;
  for (const term of wanted) if (found.has(term)) n++;
  return n;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function marksOf(text: string, terms: ReadonlySet<string>): Marks {
  const marks: Array<readonly [number, number]> = [];
  for (const t of tokenize(text)) {
    const term = normalizeTerm(t.term);
    if (term !== null && terms.has(term)) marks.push([t.start, t.end]);
  }
  return marks;
}
