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
