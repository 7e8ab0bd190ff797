/** When the newsroom first saw each article: marked at start (the first start's corpus is the baseline), saved. */
import type { Logger } from "../core/log.js";
import type { FirstSeenStore } from "../corpus/first-seen.js";
import type { Article } from "../corpus/types.js";

/** Marks every article seen now; the corpus found at the data folder's first start is the baseline. */
export function markFirstSeen(firstSeen: FirstSeenStore, articles: readonly Article[], seenAt: Date, log: Logger): void {
  if (!firstSeen.hasBaseline) {
    // The corpus as found at the data folder's first start is the baseline: an archive, not news.
    const taken = firstSeen.takeBaseline(articles.map((a) => a.id), seenAt);
    log.info(`${taken.toLocaleString("en")} articles taken as the baseline`, { articles: taken });
  }
  for (const a of articles) firstSeen.mark(a.id, seenAt);
}

/** Saves first-seen times; a data folder that cannot be written (read-only, another process's) is warned of once. */
export function firstSeenSaver(firstSeen: FirstSeenStore, log: Logger): () => Promise<void> {
  let unsaved = false;
  return () =>
    firstSeen.save().catch((error: unknown) => {
      if (!unsaved) log.warn("cannot save when documents were first seen; answering without keeping it", { err: String(error) });
      unsaved = true;
    });
}
