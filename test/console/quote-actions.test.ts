/** `/context N` and `/cite N` in the console act on the previous answer's Nth quotation, as its buttons do in chat. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/adapters/console/console.js";
import { botFor } from "../../src/bot-for.js";
import { memoryLogger } from "../../src/core/log.js";
import { editorArticles } from "../quotes/editor-fixtures.js";
import { quoteNewsroom } from "../quotes/newsroom.js";

async function converse(lines: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk: Buffer) => (written += chunk.toString()));
  const newsroom = quoteNewsroom(editorArticles());
  const done = runConsole({ bot: botFor(() => newsroom, memoryLogger()), input, output, interactive: false });
  input.end(lines);
  await done;
  return written;
}

describe("a quotation's context and citation in the console", () => {
  it("says what to type under each quotation, and answers /context N and /cite N for the previous answer", async () => {
    const out = await converse("/quote Hale\n/context 2\n/cite 1\n");
    expect(out).toContain("(/context 1 · /cite 1)");
    expect(out).toContain("The sentence that attributes it:");
    expect(out).toMatch(/Citation: Edmund Hale, “[^”]+”, Wirefeed, “Hale defends budget figures”, 2004-03-18/);
  });

  it("says there is no quotation N when no previous answer numbers one, not that it left the corpus", async () => {
    const out = await converse("/context 3\n");
    expect(out).toContain("There is no quotation 3 in the previous answer");
    expect(out).not.toContain("no longer in the corpus");
  });

  it("still says a quotation went when its id names one the corpus no longer holds", async () => {
    const out = await converse("/cite gone/article.txt#q0\n");
    expect(out).toContain("no longer in the corpus");
  });
});
