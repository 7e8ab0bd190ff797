import { it } from "vitest";
import { quotesOf } from "./helpers.js";
it("dbg", () => {
  for (const q of quotesOf("The materials directly echo the message that party officials expect to hear from Biden.", "“That’s what he did in ’08 and ’12. He’s reprising that role,” said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell. “Where surrogates have an effect is not necessarily in persuasion.”")) console.log(q.text, "|", q.speaker, "|", q.evidence);
});
