import { irCollection, measure } from "/work/wt/issue-13/dist/scripts/eval-search.js";
import MiniSearch from "minisearch";
for (const name of ["cisi","med","cran"]) {
  const c = await irCollection("/work/shared/corpora/ir", name);
  const variants = {
    whole: a => a.text,
    titleBody: a => (a.title ?? "") + "\n" + a.text.replace(/^---[\s\S]*?---\n/, ""),
    body: a => a.text.replace(/^---[\s\S]*?---\n/, ""),
  };
  const out = [];
  for (const [k, f] of Object.entries(variants)) {
    const ms = new MiniSearch({ fields: ["text"] });
    ms.addAll(c.articles.map(a => ({ id: a.id, text: f(a) })));
    const m = measure(c.queries, (q, d) => ms.search(q.toLowerCase()).slice(0, d).map(r => r.id));
    out.push(`${k} ${m.ndcg10.toFixed(3)}`);
  }
  console.log(name, out.join("  "));
}
