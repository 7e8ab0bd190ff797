/**
 * Stored feed items as part of the corpus: the items folder in the data folder is read like a corpus folder,
 * and its documents are named "feed:<host>/<file>.html" (so that they never collide with the corpus folder's
 * own paths). The newsroom merges them with the corpus and re-reads one when the poller stores it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Logger } from "../core/log.js";
import { loadCorpus, readCorpusFile, type CorpusFile } from "../corpus/load.js";
import type { Article, Corpus, CorpusProblem } from "../corpus/types.js";
import { FEED_DOC_PREFIX, FEED_ITEMS_DIR } from "./item-file.js";

export const isFeedDoc = (relPath: string): boolean => relPath.startsWith(FEED_DOC_PREFIX);

const feedItemsRoot = (dataDir: string) => join(dataDir, FEED_ITEMS_DIR);

function renamed(article: Article): Article {
  const id = FEED_DOC_PREFIX + article.id;
  return {
    ...article,
    id,
    source: FEED_DOC_PREFIX + article.source,
    paragraphs: article.paragraphs.map((p) => ({ ...p, id: `${id}#p${p.n}` })),
  };
}

const renamedProblem = (p: CorpusProblem): CorpusProblem => ({ ...p, file: FEED_DOC_PREFIX + p.file });

/** The corpus with the stored feed items added (the corpus unchanged when there are none). */
export async function withFeedItems(corpus: Corpus, dataDir: string | null, log: Logger): Promise<Corpus> {
  if (!dataDir || !existsSync(feedItemsRoot(dataDir))) return corpus;
  const items = await loadCorpus(feedItemsRoot(dataDir), { log: log.child({ corpus: "feed items" }) });
  if (items.articles.length === 0 && items.problems.length === 0) return corpus;
  const taken = new Set(corpus.articles.map((a) => a.id));
  const added = items.articles.map(renamed).filter((a) => !taken.has(a.id));
  return {
    ...corpus,
    articles: [...corpus.articles, ...added].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    problems: [...corpus.problems, ...items.problems.map(renamedProblem)],
    fingerprint: createHash("sha256").update(`${corpus.fingerprint}\n${items.fingerprint}`).digest("hex"),
  };
}

/** One stored item, by its document id ("feed:example.com/x-1a2b.html"); throws ENOENT when it is gone. */
export async function readFeedItemFile(dataDir: string, doc: string): Promise<Pick<CorpusFile, "articles" | "problems">> {
  const read = await readCorpusFile(feedItemsRoot(dataDir), doc.slice(FEED_DOC_PREFIX.length));
  return { articles: read.articles.map(renamed), problems: read.problems.map(renamedProblem) };
}
