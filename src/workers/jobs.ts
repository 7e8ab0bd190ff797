/**
 * What the worker threads do (pool.ts): each job is a thin call to the function that does the work in this
 * thread too, with input and output that cross to a worker as they are (structured clone: plain data only).
 *
 * The digest needs the whole corpus (its words weigh the stories' words), too much to send for every digest:
 * the worker that composes digests keeps its own copy of the articles ("the mirror"), read from the corpus
 * itself and kept in step with each file the bot re-reads (digests.ts sends the changes, each changed article's
 * story terms analysed already by another worker, so that taking a change is quick and digests do not wait).
 */
import { writeHere, type CheckedFile } from "../checked-file.js";
import { loadCorpus, readCorpusFile, type CorpusFile, type ReadOptions } from "../corpus/load.js";
import type { Article } from "../corpus/types.js";
import { composeDigest, type Digest } from "../digest/compose.js";
import { rememberStoryTerms, storyTerms, warmStoryTerms, type StoryTerms } from "../digest/stories.js";
import { quoteArticle } from "../quotes/article-quotes.js";
import type { ArticleQuotes } from "../quotes/types.js";
import type { Quotation } from "../quotes/types.js";
import type { Statement } from "../statements/types.js";
import { decodeQuotations, encodeStatements, type EncodedStatements, type QuotationChunk } from "../statements/encoded.js";
import { groupSteps } from "../statements/group.js";
import type { Steps } from "../statements/steps.js";
import type { GroupedQuotation } from "../statements/units.js";

export interface DigestJob {
  /** The period's new articles, by id (the mirror holds them). */
  docs: string[];
  /** Their quotations that have a speaker. */
  quotations: Quotation[];
  /** The statements across outlets that the period's articles render, or null when they are not at hand. */
  statements: Statement[] | null;
  from: string;
  to: string;
  late: boolean;
}

/** The mirror: the corpus as the main thread has it, in the same order. */
const mirror = new Map<string, Article>();

/**
 * A grouping being gathered (the grouping worker, src/workers/grouping.ts): the articles to group by id, in the
 * main thread's order (a document's ordinal is its place here), and their quotations, sent in chunks.
 */
let gathering: { ids: string[]; quotations: GroupedQuotation[] } = { ids: [], quotations: [] };

export interface GroupingRun {
  /** Set to 1 by the main thread (shared memory) when the result is no longer wanted: the grouping stops. */
  stop: Int32Array;
  /** Whether syndicated copies are found (false: every article a text of its own, as /compare groups). */
  duplicates: boolean;
}

/** Runs the steps through, checking the stop flag at every pause. */
function untilStopped<T>(steps: Steps<T>, stop: Int32Array): T {
  for (;;) {
    if (Atomics.load(stop, 0) !== 0) throw new Error("grouping no longer wanted");
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function ordinals(ids: readonly string[]): (doc: string) => number {
  const at = new Map(ids.map((id, i) => [id, i]));
  return (doc) => at.get(doc) ?? -1;
}

const jobs = {
  readCorpusFile: (input: { root: string; relPath: string; options: ReadOptions }): Promise<CorpusFile> =>
    readCorpusFile(input.root, input.relPath, input.options),
  quoteArticle: (article: Article): ArticleQuotes => quoteArticle(article),
  /** A snapshot file checksummed and written atomically (snapshot-writer.ts). */
  writeSnapshot: async (file: CheckedFile): Promise<null> => {
    await writeHere(file);
    return null;
  },
  /** Fills the mirror from the corpus; the fingerprint tells the main thread whether it read the same files. */
  mirrorLoad: async (input: { location: string; options: ReadOptions }): Promise<{ fingerprint: string }> => {
    const corpus = await loadCorpus(input.location, input.options);
    mirror.clear();
    for (const a of corpus.articles) mirror.set(a.id, a);
    return { fingerprint: corpus.fingerprint };
  },
  /** The articles the main thread has, in its order (when the mirror read the corpus in another state). */
  mirrorReplace: (articles: Article[]): null => {
    mirror.clear();
    for (const a of articles) mirror.set(a.id, a);
    return null;
  },
  /** The articles whose words weigh the stories' words, analysed now rather than by the next digest. */
  mirrorWarm: (): number => warmStoryTerms([...mirror.values()]),
  /** The changes of one re-read file, applied as the main thread applied them (`terms`: the upserted's, or null). */
  mirrorUpdate: (input: { removed: string[]; upserted: Article[]; terms: StoryTerms[] | null }): null => {
    for (const doc of input.removed) mirror.delete(doc);
    input.upserted.forEach((a, i) => {
      mirror.set(a.id, a);
      const terms = input.terms?.[i];
      if (terms) rememberStoryTerms(a, terms);
    });
    return null;
  },
  /** More of the articles the main thread has, in its order (a mirror filled in chunks, after `mirrorReplace`). */
  mirrorAppend: (articles: Article[]): null => {
    for (const a of articles) mirror.set(a.id, a);
    return null;
  },
  /** A grouping starts: the articles and quotations gathered for an earlier one are dropped. */
  groupingOpen: (): null => {
    gathering = { ids: [], quotations: [] };
    return null;
  },
  groupingArticles: (ids: string[]): null => {
    for (const id of ids) gathering.ids.push(id);
    return null;
  },
  groupingQuotations: (chunk: QuotationChunk): null => {
    const ids = gathering.ids;
    for (const q of decodeQuotations(chunk, (ordinal) => ids[ordinal]!)) gathering.quotations.push(q);
    return null;
  },
  /** The statements of the mirror's articles gathered, as numbers. Fails when an article is not in the mirror. */
  groupingRun: (run: GroupingRun): EncodedStatements => {
    const { ids, quotations } = gathering;
    gathering = { ids: [], quotations: [] };
    const articles = ids.map((id) => {
      const article = mirror.get(id);
      if (!article) throw new Error(`grouping: ${id} is not in the worker's copy of the corpus`);
      return article;
    });
    const grouped = untilStopped(groupSteps(articles, quotations, run.duplicates ? {} : { duplicates: false }), run.stop);
    return encodeStatements(grouped, ordinals(ids));
  },
  /** The statements of the articles sent (a few hundred: /compare's candidates), as numbers. */
  groupArticles: (input: { articles: Article[]; quotations: QuotationChunk } & GroupingRun): EncodedStatements => {
    const ids = input.articles.map((a) => a.id);
    const quotations = decodeQuotations(input.quotations, (ordinal) => ids[ordinal]!);
    const grouped = untilStopped(groupSteps(input.articles, quotations, input.duplicates ? {} : { duplicates: false }), input.stop);
    return encodeStatements(grouped, ordinals(ids));
  },
  /** What grouping reads of an article (made here, taken by the digest worker with the change). */
  storyTerms: (article: Article): StoryTerms => storyTerms(article),
  composeDigest: (job: DigestJob): Digest => {
    return composeDigest({
      articles: job.docs.map((doc) => mirror.get(doc)).filter((a): a is Article => a !== undefined),
      quotations: job.quotations,
      statements: job.statements,
      from: new Date(job.from),
      to: new Date(job.to),
      late: job.late,
      background: [...mirror.values()],
    });
  },
};

export type JobName = keyof typeof jobs;
type Job<K extends JobName> = (typeof jobs)[K];
export type JobInput<K extends JobName> = Parameters<Job<K>>[0];
export type JobOutput<K extends JobName> = Awaited<ReturnType<Job<K>>>;

export function runJob<K extends JobName>(name: K, input: JobInput<K>): ReturnType<Job<K>> {
  const job = jobs[name] as (input: JobInput<K>) => ReturnType<Job<K>>;
  if (typeof job !== "function") throw new Error(`no such job: ${String(name)}`);
  return job(input);
}
