/**
 * The editable data files behind text analysis (data/ at the project root): stop words, transliteration
 * variants and the acronym glossary. Read once, on first use; their hash goes into the snapshot fingerprint so
 * that editing one rebuilds the index.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import { foldAccentsAndCase } from "./fold.js";

export interface AnalysisData {
  /** Folded stop words ("dont", not "don't"). */
  stopWords: Set<string>;
  /** Folded variant -> folded canonical spelling (the canonical maps to itself). */
  variants: Map<string, string>;
  /** Acronyms as written ("POW") with their expansions as written ("prisoner of war"). */
  glossary: Array<{ acronym: string; expansions: string[] }>;
  /** sha256 over the three files' contents. */
  hash: string;
}

const FILES = { stopWords: "stopwords.txt", variants: "variants.tsv", glossary: "acronyms.tsv" } as const;

let cached: AnalysisData | null = null;

export function analysisData(): AnalysisData {
  cached ??= readAnalysisData(join(packageRoot(), "data"));
  return cached;
}

export function readAnalysisData(dir: string): AnalysisData {
  const hash = createHash("sha256");
  const read = (name: string): string[] => {
    const text = readFileSync(join(dir, name), "utf8");
    hash.update(name).update("\0").update(text).update("\0");
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
  };
  const fold = foldAccentsAndCase;

  const stopWords = new Set(read(FILES.stopWords).map(fold));

  const variants = new Map<string, string>();
  for (const line of read(FILES.variants)) {
    const names = line.split(/[\t,]+/).map((s) => fold(s.trim())).filter(Boolean);
    const canonical = names[0];
    if (!canonical) continue;
    for (const name of names) variants.set(name, canonical);
  }

  const glossary: AnalysisData["glossary"] = [];
  for (const line of read(FILES.glossary)) {
    const match = /^(\S+)\s+(.+)$/.exec(line);
    if (!match) continue;
    const expansions = match[2]!.split("|").map((s) => s.trim()).filter(Boolean);
    glossary.push({ acronym: match[1]!, expansions });
  }

  return { stopWords, variants, glossary, hash: hash.digest("hex") };
}
