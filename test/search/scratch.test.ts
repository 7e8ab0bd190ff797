import { test } from "vitest";
import MiniSearch from "minisearch";
import { loadCorpus } from "../../src/corpus/load.js";
import { memoryLogger } from "../../src/core/log.js";
import { PassageIndex } from "../../src/search/source-index.js";
import { planQuery } from "../../src/search/query-plan.js";
test("scratch", async () => {
  const corpus = await loadCorpus("/work/shared/corpora/reuters/articles.jsonl", { log: memoryLogger() });
  const index = PassageIndex.build(corpus.articles);
  const ms = (index as unknown as { miniSearch: MiniSearch }).miniSearch;
  const stride = Math.floor(corpus.articles.length / 20);
  for (let i = 0; i < corpus.articles.length; i += stride) {
    const title = corpus.articles[i]!.title!;
    const plan = planQuery({ words: title.split(/\s+/), phrases: [] }, index.lexicon);
    let t = performance.now();
    const r = ms.search({ combineWith: "OR", queries: plan.clauses.map((c) => c.term) }, { tokenize: (x) => [x], processTerm: (x) => x, fuzzy: false, prefix: false });
    const a = performance.now() - t;
    t = performance.now();
    const full = index.search({ words: title.split(/\s+/), phrases: [] }, { offset: 0, limit: 10 });
    console.log(title, plan.clauses.map((c) => c.term).join(" "), "| ms", a.toFixed(1), r.length, "full", (performance.now() - t).toFixed(1), full.total);
  }
}, 300000);
