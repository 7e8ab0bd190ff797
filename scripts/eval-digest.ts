/**
 * `npm run eval -- --only digest`: how well the digest groups articles into stories, against a hand-judged day of
 * the Reuters wire (test/fixtures/digest-stories.json: ids and story labels only; the text stays in ../shared).
 * The whole day is grouped (with the whole corpus to weigh words, as the digest does); pairwise precision and
 * recall are counted over the judged articles: a pair is "together" when both are in one story, or both in one
 * entry of a templated line ("Dividends: … ITT (2)"). Beside it, a plain baseline: articles with the same headline
 * are one story. Skipped with a message when ../shared is absent (DATELINE_CORPORA may name the corpora folder).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "../src/corpus/load.js";
import type { Article } from "../src/corpus/types.js";
import { groupDigest } from "../src/digest/stories.js";

interface Fixture {
  corpus: string;
  day: string;
  stories: Record<string, string[]>;
}

export interface PairScores {
  precision: number;
  recall: number;
  truePairs: number;
  foundPairs: number;
}

/** Pairwise precision and recall of `found` (doc -> cluster key) against `judged` (doc -> story label). */
export function pairScores(judged: ReadonlyMap<string, string>, found: ReadonlyMap<string, string>): PairScores {
  const docs = [...judged.keys()];
  let both = 0;
  let truePairs = 0;
  let foundPairs = 0;
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const same = judged.get(docs[i]!) === judged.get(docs[j]!);
      const together = found.get(docs[i]!) !== undefined && found.get(docs[i]!) === found.get(docs[j]!);
      if (same) truePairs++;
      if (together) foundPairs++;
      if (same && together) both++;
    }
  }
  return { precision: foundPairs === 0 ? 1 : both / foundPairs, recall: truePairs === 0 ? 1 : both / truePairs, truePairs, foundPairs };
}

/** Doc -> the digest's cluster: its story, or its entry in a templated line. */
export function digestClusters(day: readonly Article[], background: readonly Article[]): Map<string, string> {
  const { stories, templated } = groupDigest(day, { background });
  const found = new Map<string, string>();
  stories.forEach((story, i) => story.articles.forEach((a) => found.set(a.id, `story:${i}`)));
  for (const kind of templated) for (const item of kind.items) for (const doc of item.docs) found.set(doc, `kind:${kind.label}:${item.name}`);
  return found;
}

function sameHeadline(day: readonly Article[]): Map<string, string> {
  return new Map(day.map((a) => [a.id, `title:${(a.title ?? a.id).trim().toUpperCase()}`]));
}

const figure = (s: PairScores) => `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (${s.foundPairs} pairs together, ${s.truePairs} judged)`;

/** Runs when no `--only` is given or `--only digest`; returns "only" in the latter case (nothing else to run). */
export async function evalDigest(root: string, argv: readonly string[]): Promise<"only" | "done" | "skipped"> {
  const at = argv.indexOf("--only");
  const only = at >= 0 ? argv[at + 1] : undefined;
  if (only !== undefined && only !== "digest") return "skipped";
  const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/digest-stories.json"), "utf8")) as Fixture;
  // DATELINE_CORPORA points elsewhere than ../shared/corpora (a git worktree has no ../shared beside it).
  const location = join(process.env.DATELINE_CORPORA ?? join(root, "../shared/corpora"), fixture.corpus);
  console.log(`\nDigest stories (${fixture.corpus}, ${fixture.day}, test/fixtures/digest-stories.json)`);
  if (!existsSync(location)) {
    console.log(`  skipped: ${location} is absent`);
    return only ? "only" : "done";
  }
  const corpus = await loadCorpus(location);
  const day = corpus.articles.filter((a) => a.published?.startsWith(fixture.day));
  const judged = new Map<string, string>();
  for (const [label, docs] of Object.entries(fixture.stories)) for (const doc of docs) judged.set(doc, label);
  const missing = [...judged.keys()].filter((doc) => !day.some((a) => a.id === doc));
  if (missing.length > 0) throw new Error(`digest fixture: not in the day: ${missing.join(", ")}`);

  const started = performance.now();
  const found = digestClusters(day, corpus.articles);
  const ms = performance.now() - started;
  console.log(`  ${judged.size} judged articles in ${Object.keys(fixture.stories).length} stories, among the day's ${day.length}`);
  console.log(`  Dateline:      ${figure(pairScores(judged, found))}; grouped in ${Math.round(ms)} ms`);
  console.log(`  same headline: ${figure(pairScores(judged, sameHeadline(day)))}`);
  return only ? "only" : "done";
}
