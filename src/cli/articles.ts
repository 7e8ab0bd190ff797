/** `dateline articles [--corpus DIR] [--json]`: every article as read (the document text every citation slices). */
import { parseArgs } from "node:util";
import { loadCorpus } from "../corpus/load.js";
import { CorpusUnreadableError, type Article } from "../corpus/types.js";
import { withFeedItems } from "../feeds/corpus.js";
import { UsageError, cliConfig, cliLogger, corpusLocation } from "./shared.js";

/** The contract's shape (ARCHITECTURE.md), plus `origin` ("feed-summary" for a feed item whose page could not be read). */
export function articleRecord(a: Article) {
  return {
    doc: a.id,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
    author: a.author,
    language: a.language,
    text: a.text,
    paragraphs: a.paragraphs.map((p) => ({ n: p.n, start: p.start, end: p.end, role: p.role })),
    origin: a.origin ?? null,
  };
}

export async function articles(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { corpus: { type: "string" }, json: { type: "boolean" } } });
  const config = cliConfig();
  const log = cliLogger(config);
  let corpus;
  try {
    corpus = await withFeedItems(await loadCorpus(corpusLocation(values.corpus, config), { log }), config.DATELINE_DATA_DIR, log);
  } catch (error) {
    if (error instanceof CorpusUnreadableError) throw new UsageError(error.message);
    throw error;
  }
  for (const a of corpus.articles) {
    if (values.json) {
      process.stdout.write(JSON.stringify(articleRecord(a)) + "\n");
      continue;
    }
    const where = [a.outlet, a.published].filter(Boolean).join(", ");
    const body = a.paragraphs.filter((p) => p.role === "body").length;
    const mark = a.origin === "feed-summary" ? " [feed summary only]" : "";
    process.stdout.write(`${a.id}: ${a.title ?? "(no title)"}${where ? ` (${where})` : ""}, ${body} paragraph(s)${mark}\n`);
  }
}
