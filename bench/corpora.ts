/** The corpus a benchmark run measures: one or more corpora read by Dateline's reader, merged, then replicated. */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { loadCorpus } from "../src/corpus/load.js";
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
