/** The corpus a benchmark run measures: one or more corpora read by Dateline's reader, merged, then replicated. */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../src/core/log.js";
import { DEFAULT_MAX_ARTICLE_BYTES, listCorpusFiles, loadCorpus } from "../src/corpus/load.js";
import { CORPUS_SNAPSHOT_FILE, CorpusSnapshot, saveCorpusSnapshot } from "../src/corpus/snapshot.js";
import type { Article, Corpus } from "../src/corpus/types.js";
import { countPassages, replicateArticles, withId } from "./replicate.js";

/** The BBC, PolNeAR and Reuters corpora beside the project, or null when ../shared/corpora is absent. */
export function defaultCorpusLocations(projectRoot: string): string[] | null {
  const base = path.join(projectRoot, "..", "shared", "corpora");
  const locations = [
    path.join(base, "bbc"),
    path.join(base, "polnear", "articles-train.jsonl"),
    path.join(base, "polnear", "articles-dev.jsonl"),
    path.join(base, "reuters", "articles.jsonl"),
  ];
  return locations.every((l) => existsSync(l)) ? locations : null;
}

/** A short name for a corpus location: "bbc", "articles-train". */
export function corpusLabel(location: string): string {
  return path.basename(location).replace(/\.(jsonl|ndjson|json|txt|md)$/i, "");
}

/**
 * The articles of several corpora as one list with unique ids: an id already taken by an earlier corpus is
 * prefixed with its corpus's label ("reuters/17"), then numbered if that is taken too.
 */
export function mergeArticles(groups: ReadonlyArray<{ label: string; articles: readonly Article[] }>): Article[] {
  const taken = new Set<string>();
  const out: Article[] = [];
  for (const { label, articles } of groups) {
    for (const a of articles) {
      let id = a.id;
      for (let n = 1; taken.has(id); n++) id = n === 1 ? `${label}/${a.id}` : `${label}/${a.id}~${n}`;
      taken.add(id);
      out.push(id === a.id ? a : withId(a, id));
    }
  }
  return out;
}

export interface BenchCorpus {
  corpus: Corpus;
  /** Articles and passages before replication. */
  baseArticles: number;
  basePassages: number;
  /** Replicas made (0 when the corpus was used as it is, or cut). */
  copies: number;
  passages: number;
  loadMs: number;
  replicateMs: number;
}

/**
 * Reads the locations with `loadCorpus`, merges them and replicates them to `passages` (when given). The same
 * inputs give the same articles and fingerprint, so a child process rebuilding it opens the same snapshot.
 */
export async function loadBenchCorpus(locations: readonly string[], passages: number | null): Promise<BenchCorpus> {
  const t0 = performance.now();
  const corpora: Corpus[] = [];
  for (const location of locations) corpora.push(await loadCorpus(location));
  const merged = mergeArticles(corpora.map((c) => ({ label: corpusLabel(c.location), articles: c.articles })));
  const t1 = performance.now();
  const articles = passages === null ? merged : replicateArticles(merged, passages);
  const t2 = performance.now();
  const basePassages = countPassages(merged);
  const total = passages === null ? basePassages : countPassages(articles);
  const fingerprint = createHash("sha256")
    .update(`dateline-bench-1\n${passages ?? "as-is"}\n`)
    .update(corpora.map((c) => c.fingerprint).join("\n"))
    .digest("hex");
  return {
    corpus: {
      location: locations.join(" + "),
      articles,
      problems: corpora.flatMap((c) => c.problems),
      fingerprint,
    },
    baseArticles: merged.length,
    basePassages,
    copies: articles.length > merged.length ? Math.ceil(articles.length / Math.max(1, merged.length)) - 1 : 0,
    passages: total,
    loadMs: t1 - t0,
    replicateMs: t2 - t1,
  };
}

/**
 * Every corpus file of the locations, with its size and modification time, hashed: what a start from the corpus
 * snapshot checks (src/corpus/load.ts lists a folder and compares each file's size and time with the snapshot's).
 */
async function listingKey(locations: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const location of locations) {
    const info = await stat(location);
    const root = info.isDirectory() ? location : path.dirname(location);
    const files = info.isDirectory() ? (await listCorpusFiles(location)).files : [path.basename(location)];
    const stats = await Promise.all(files.map((rel) => stat(path.join(root, rel))));
    hash.update(`${location}\n`);
    files.forEach((rel, i) => hash.update(`${rel}\0${stats[i]!.size}\0${stats[i]!.mtimeMs}\n`));
  }
  return hash.digest("hex");
}

/**
 * Saves the benchmark's corpus (replicas included) as the bot's corpus snapshot (src/corpus/snapshot.ts) in
 * `dataDir`: one entry holding every article, named by the locations' listing, so that a start finding the same
 * files (same sizes and times) takes the articles from it, texts read when shown.
 */
export async function saveBenchCorpusSnapshot(dataDir: string, locations: readonly string[], corpus: Corpus): Promise<void> {
  const key = await listingKey(locations);
  await saveCorpusSnapshot(path.join(dataDir, CORPUS_SNAPSHOT_FILE), {
    files: [{ path: `bench:${key}`, size: 0, mtimeMs: 0, digest: { path: "bench", size: 0, sha256: corpus.fingerprint }, problems: corpus.problems, articles: corpus.articles }],
    listedAt: Date.now(),
    defaultsDigest: null,
    maxArticleBytes: DEFAULT_MAX_ARTICLE_BYTES,
  });
}

/** The benchmark's corpus from the snapshot `saveBenchCorpusSnapshot` wrote, or null when it is missing or the files changed. */
export async function openBenchCorpusSnapshot(dataDir: string, locations: readonly string[], log: Logger): Promise<Corpus | null> {
  const key = await listingKey(locations);
  const snapshot = CorpusSnapshot.open(path.join(dataDir, CORPUS_SNAPSHOT_FILE), log);
  const saved = snapshot?.unchanged(`bench:${key}`, 0, 0) ?? null;
  if (!saved) {
    snapshot?.close();
    return null;
  }
  return { location: locations.join(" + "), articles: saved.articles, problems: saved.problems, fingerprint: saved.digest.sha256 };
}
