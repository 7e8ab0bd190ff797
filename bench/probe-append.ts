/**
 * A probe of what one large article costs on its way into the indexes (issue 14, point 2; not part of `npm run
 * bench`): builds the passage index over the bench corpora (replicated to `--passages`, default the corpora as
 * they are), and a topic index over stand-in quotations (every body paragraph of the corpus, as the quote book's
 * topic index would hold quotations), then for articles of `--sizes` megabytes made of the corpus's own texts
 * prints the CPU time of: reading the file into paragraphs, extracting its quotations (`--extract`), adding it
 * to the passage index, replacing it by a changed copy, removing it; adding its quotations to the topic index
 * and removing them. CPU time of this process (the work is synchronous), so less sensitive to other work on the
 * machine than wall time; linear cost shows as milliseconds per megabyte that stay flat as the size grows.
 *
 * usage: node dist/bench/probe-append.js [--passages N] [--sizes 1,5,20] [--extract] [--corpus LOCATION]...
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseCorpusFile } from "../src/corpus/load.js";
import type { Article } from "../src/corpus/types.js";
import { PackedDocMap, packTerms } from "../src/index/packed-postings.js";
import { quoteArticle } from "../src/quotes/article-quotes.js";
import { TopicIndexBuilder, type IndexedQuote, type TopicIndex } from "../src/quotes/topic-index.js";
import { PassageIndex } from "../src/search/source-index.js";
import { normalizeTerm, tokenize } from "../src/text/analysis.js";
import { defaultCorpusLocations, loadBenchCorpus } from "./corpora.js";

const MB = 2 ** 20;

/** Milliseconds of CPU (user and system) that `work` took. */
function cpu<T>(work: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

/** The text of an article of about `bytes` bytes made of the corpus's own texts, each once before any repeats. */
function bigText(articles: readonly Article[], bytes: number, offset: number): string {
  const parts: string[] = [];
  for (let size = 0, i = offset; size < bytes; i++) {
    const text = articles[i % articles.length]!.text;
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join("\n\n");
}

/** The body paragraphs of articles as stand-in quotations (the quote book's topic index holds quotation texts). */
function standIns(articles: readonly Article[]): IndexedQuote[] {
  const out: IndexedQuote[] = [];
  for (const a of articles) for (const p of a.paragraphs) if (p.role === "body") out.push({ id: `${a.id}#${p.n}`, text: a.text.slice(p.start, p.end) });
  return out;
}

/** Packs the terms of the quotations whose postings a change left unpacked, as the quote book does after a change. */
function packTouched(topic: TopicIndex, quotes: readonly IndexedQuote[]): void {
  const terms = new Set<string>();
  for (const q of quotes) {
    for (const t of tokenize(q.text)) {
      const term = normalizeTerm(t.term);
      if (term === null) continue;
      const postings = topic.index.terms.get(term);
      if (postings && !(postings instanceof PackedDocMap && postings.bytes)) terms.add(term);
    }
  }
  packTerms(topic.index, terms);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { passages: { type: "string" }, sizes: { type: "string" }, extract: { type: "boolean" }, corpus: { type: "string", multiple: true } },
  });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const locations = values.corpus ?? defaultCorpusLocations(root);
  if (!locations) {
    console.log("../shared/corpora is absent: nothing to probe.");
    return;
  }
  const passages = values.passages ? Number(values.passages.replace(/_/g, "")) : null;
  const sizes = (values.sizes ?? "1,5,20").split(",").map(Number);
  const bench = await loadBenchCorpus(locations, passages);
  const articles = bench.corpus.articles;
  const built = cpu(() => PassageIndex.build(articles));
  const index = built.value;
  console.log(`corpus: ${articles.length} articles, ${bench.passages} passages; passage index built in ${Math.round(built.ms)} ms CPU`);
  const quotes = standIns(articles);
  const topicBuilt = cpu(() => {
    const builder = new TopicIndexBuilder();
    for (const q of quotes) builder.add(q);
    return builder.finish();
  });
  const topic = topicBuilt.value;
  console.log(`topic index over ${quotes.length} stand-in quotations built in ${Math.round(topicBuilt.ms)} ms CPU`);

  const rows: Array<Record<string, string | number>> = [];
  sizes.forEach((size, n) => {
    const name = `probe/big-${size}mb.txt`;
    const bytes = Buffer.from(bigText(articles, size * MB, n * 997), "utf8");
    const read = cpu(() => parseCorpusFile(name, bytes, name, { maxArticleBytes: bytes.length + 1 }).articles[0]!);
    const article = read.value;
    const extracted = values.extract ? cpu(() => quoteArticle(article)) : null;
    const added = cpu(() => index.upsert(article));
    // The same file changed: one paragraph's words differ, the offsets stay.
    const changed: Article = { ...article, text: article.text.replace(/\bsaid\b/, "told") };
    const replaced = cpu(() => index.upsert(changed));
    const removed = cpu(() => index.remove(article.id));
    const own = extracted
      ? extracted.value.quotations.map((q) => ({ id: q.id, text: q.text }))
      : standIns([article]);
    // As the quote book takes a change. Before the postings were appended (main at b0e321b: no `removeAll`), it
    // removed quotations one by one and packed again every term a change had touched; since, adding leaves
    // nothing to pack and `removeAll` packs the terms it removed from.
    const removeAll = (topic as Partial<{ removeAll(quotes: IndexedQuote[]): void }>).removeAll?.bind(topic);
    const topicAdded = cpu(() => {
      for (const q of own) topic.add(q);
      if (!removeAll) packTouched(topic, own);
    });
    const topicRemoved = cpu(() => {
      if (removeAll) removeAll(own);
      else {
        for (const q of own) topic.remove(q);
        packTouched(topic, own);
      }
    });
    const perMb = (ms: number) => `${Math.round(ms)} (${Math.round(ms / (bytes.length / MB))}/MB)`;
    rows.push({
      MB: +(bytes.length / MB).toFixed(2),
      paragraphs: article.paragraphs.length,
      "read ms": perMb(read.ms),
      ...(extracted ? { quotations: extracted.value.quotations.length, "extract ms": perMb(extracted.ms) } : {}),
      "index add ms": perMb(added.ms),
      "replace ms": perMb(replaced.ms),
      "remove ms": perMb(removed.ms),
      "topic items": own.length,
      "topic add ms": perMb(topicAdded.ms),
      "topic remove ms": perMb(topicRemoved.ms),
    });
  });
  console.table(rows);
}

await main();
