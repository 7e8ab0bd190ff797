import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpusLabel, defaultCorpusLocations } from "../../bench/corpora.js";

describe("the benchmark's corpora", () => {
  it("finds none (so the benchmark skips) when ../shared/corpora is not beside the project", () => {
    const project = path.join(mkdtempSync(path.join(tmpdir(), "bench-root-")), "main");
    expect(defaultCorpusLocations(project)).toBeNull();
  });

  it("labels a location by its name without extension", () => {
    expect(corpusLabel("/x/shared/corpora/bbc")).toBe("bbc");
    expect(corpusLabel("/x/polnear/articles-train.jsonl")).toBe("articles-train");
  });
});
