import { test } from "vitest";
import { diffRenderings } from "../../src/statements/diff.js";
import { variantGroups } from "./seed-data.js";
test("x", () => {
  for (const g of variantGroups) {
    const ref = g.renderings.find(r => r.doc.startsWith("001")) ?? g.renderings[0]!;
    for (const r of g.renderings) {
      if (r === ref) continue;
      const d = diffRenderings(ref.text, r.text);
      console.log(g.topic, "|", r.doc.slice(0,3), JSON.stringify(d.material), d.added.map(([s,e]) => r.text.slice(s,e)).join(" / "));
    }
  }
  for (const [a,b] of [["more than 10 soldiers were killed","at least 11 soldiers were killed"],["We will not allow it","We will allow it"],["The army may have shelled the town","The army shelled the town"],["We expect progress","They expect progress"]]) console.log(JSON.stringify(diffRenderings(a!,b!)));
});
