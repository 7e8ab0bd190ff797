/**
 * Reading one corpus entry again while the bot runs: a file of the corpus folder, or a stored feed item of the data
 * folder ("feed:..."). A file deleted (or deleted while being read) holds no articles any more; a file changed into a
 * link that leads out of the corpus folder is not read, as at start. Read in a worker when given a pool.
 */
import { isFeedDoc, readFeedItemFile } from "../feeds/corpus.js";
import type { WorkerPool } from "../workers/pool.js";
import { leadsOutside, outsideProblem } from "./boundary.js";
import { readCorpusFile, type CorpusFile, type ReadOptions } from "./load.js";
import type { Article } from "./types.js";

export async function readCorpusEntry(
  root: string,
  relPath: string,
  dataDir: string | null,
  options: ReadOptions,
  workers: WorkerPool | undefined,
): Promise<Pick<CorpusFile, "articles" | "problems">> {
  try {
    if (dataDir && isFeedDoc(relPath)) return await readFeedItemFile(dataDir, relPath);
    const outside = await leadsOutside(root, relPath);
    if (outside) return { articles: [], problems: [outsideProblem(relPath, outside)] };
    return await (workers ? workers.run("readCorpusFile", { root, relPath, options }) : readCorpusFile(root, relPath, options));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { articles: [], problems: [] };
    throw error;
  }
}

/** The corpus file an article was read from, relative to the corpus folder ("feed.jsonl:12" -> "feed.jsonl"). */
export function sourceFile(article: Article): string {
  return article.source.replace(/:\d+$/, "");
}
