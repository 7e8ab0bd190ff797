/**
 * `npm run eval -- --only search`: how well /sources ranks. For each judged collection of
 * ../shared/corpora/ir (CISI, MED, CRAN: `corpus/` and `judgments.json`) and for our own judged news queries
 * over ../shared/corpora (bbc, reuters, polnear; test/fixtures/news-queries.json holds queries and article ids
 * only), nDCG@10 and recall@100 of Dateline's passage index beside plain MiniSearch (default options, each
 * document indexed whole, queries lower-cased) measured in the same run. Relevance is binary.
 * Options: --corpora PATH (where the corpora are, default ../shared/corpora), --collection NAME (only one).
 * Skipped with a message when the corpora are absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { memoryLogger } from "../src/core/log.js";
import { loadCorpus } from "../src/corpus/load.js";
import type { Article } from "../src/corpus/types.js";
import { PassageIndex } from "../src/search/source-index.js";

export interface SearchEvalOptions {
  corpora: string | null;
  collection: string | null;
}

export function parseSearchOptions(argv: readonly string[]): SearchEvalOptions {
  const options: SearchEvalOptions = { corpora: null, collection: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--corpora") options.corpora = argv[++i] ?? null;
    else if (argv[i] === "--collection") options.collection = argv[++i] ?? null;
  }
  return options;
}

export interface JudgedQuery {
  id: string;
  text: string;
  /** Ids of the relevant articles. */
  relevant: string[];
}

export interface Collection {
  name: string;
  articles: Article[];
  queries: JudgedQuery[];
}

/** A ranked list of article ids for a query, best first (at most `depth`). */
export type Ranker = (query: string, depth: number) => string[];

/** nDCG at `k` with binary relevance. */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

export interface Figures {
  ndcg10: number;
  recall100: number;
}

/** Mean nDCG@10 and recall@100 of a ranker over the queries that have judgments. */
export function measure(queries: readonly JudgedQuery[], rank: Ranker): Figures {
  let ndcg = 0;
  let recall = 0;
  const judged = queries.filter((q) => q.relevant.length > 0);
  for (const q of judged) {
    const ranked = rank(q.text, 100);
    const relevant = new Set(q.relevant);
    ndcg += ndcgAt(ranked, relevant, 10);
    recall += recallAt(ranked, relevant, 100);
  }
  const n = Math.max(1, judged.length);
  return { ndcg10: ndcg / n, recall100: recall / n };
}

/** Plain MiniSearch: default options, each article's whole text one document, queries lower-cased. */
export function plainMiniSearch(articles: readonly Article[]): Ranker {
  const ms = new MiniSearch<{ id: string; text: string }>({ fields: ["text"] });
  ms.addAll(articles.map((a) => ({ id: a.id, text: a.text })));
  return (query, depth) => ms.search(query.toLowerCase()).slice(0, depth).map((r) => String(r.id));
}

/** Dateline's /sources ranking: the query's words as typed, one page of `depth` articles. */
export function datelineRanker(index: PassageIndex): Ranker {
  return (query, depth) => {
    const words = query.split(/\s+/).filter(Boolean);
    return index.search({ words, phrases: [] }, { offset: 0, limit: depth }).hits.map((h) => h.doc);
  };
}

async function loadQuiet(location: string): Promise<Article[]> {
  return (await loadCorpus(location, { log: memoryLogger("error") })).articles;
}

/** A judged collection of ../shared/corpora/ir: its articles (ids are file names) and queries. */
export async function irCollection(dir: string, name: string): Promise<Collection> {
  const judgments = JSON.parse(readFileSync(join(dir, name, "judgments.json"), "utf8")) as { queries: JudgedQuery[] };
  return { name, articles: await loadQuiet(join(dir, name, "corpus")), queries: judgments.queries };
}

/** The news corpora under one id space: "bbc/<section>/<file>", Reuters' and PolNeAR's own ids. */
export async function newsArticles(corpora: string): Promise<Article[]> {
  const bbc = (await loadQuiet(join(corpora, "bbc"))).map((a) => prefixed(a, "bbc/"));
  const reuters = await loadQuiet(join(corpora, "reuters", "articles.jsonl"));
  const polnear = [
    ...(await loadQuiet(join(corpora, "polnear", "articles-train.jsonl"))),
    ...(await loadQuiet(join(corpora, "polnear", "articles-dev.jsonl"))),
  ];
  return [...bbc, ...reuters, ...polnear];
}

function prefixed(article: Article, prefix: string): Article {
  const id = prefix + article.id;
  return { ...article, id, paragraphs: article.paragraphs.map((p) => ({ ...p, id: `${id}#p${p.n}` })) };
}

/** Our judged news queries (test/fixtures/news-queries.json): ids and queries only, no corpus text. */
export function newsQueries(root: string): JudgedQuery[] {
  const fixture = JSON.parse(readFileSync(join(root, "test", "fixtures", "news-queries.json"), "utf8")) as { queries: JudgedQuery[] };
  return fixture.queries;
}

const IR_COLLECTIONS = ["cisi", "med", "cran"];

function f3(x: number): string {
  return x.toFixed(3);
}

function change(ours: number, base: number): string {
  if (base === 0) return "n/a";
  const pct = (100 * (ours - base)) / base;
  return `${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%`;
}

export async function evalSearch(root: string, options: SearchEvalOptions): Promise<void> {
  const corpora = options.corpora ?? join(root, "..", "shared", "corpora");
  if (!existsSync(join(corpora, "ir"))) {
    console.log(`Search: skipped (${corpora}/ir is absent; give --corpora PATH).`);
    return;
  }
  const collections: Array<{ name: string; load: () => Promise<Collection> }> = IR_COLLECTIONS.map((name) => ({
    name,
    load: () => irCollection(join(corpora, "ir"), name),
  }));
  collections.push({ name: "news", load: async () => ({ name: "news", articles: await newsArticles(corpora), queries: newsQueries(root) }) });
  console.log("Search: nDCG@10 and recall@100, Dateline /sources beside plain MiniSearch (same run)");
  console.log("  collection     docs queries | nDCG@10 Dateline  MiniSearch  change | recall@100 Dateline  MiniSearch");
  const changes: number[] = [];
  for (const { name, load } of collections) {
    if (options.collection && name !== options.collection) continue;
    const collection = await load();
    const index = PassageIndex.build(collection.articles);
    const ours = measure(collection.queries, datelineRanker(index));
    const base = measure(collection.queries, plainMiniSearch(collection.articles));
    changes.push(ours.ndcg10 / base.ndcg10 - 1);
    const judged = collection.queries.filter((q) => q.relevant.length > 0).length;
    console.log(
      `  ${collection.name.padEnd(12)} ${String(collection.articles.length).padStart(6)} ${String(judged).padStart(7)} |` +
        ` ${f3(ours.ndcg10).padStart(16)} ${f3(base.ndcg10).padStart(11)} ${change(ours.ndcg10, base.ndcg10).padStart(7)} |` +
        ` ${f3(ours.recall100).padStart(18)} ${f3(base.recall100).padStart(11)}`,
    );
  }
  if (changes.length > 0) {
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    console.log(`  mean nDCG@10 change against plain MiniSearch: ${mean >= 0 ? "+" : ""}${(100 * mean).toFixed(1)}%`);
  }
}
