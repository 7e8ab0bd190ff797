/** /sources shows a syndicated story once, naming the other outlets that ran the same text. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { createDispatcher } from "../../src/core/dispatch.js";
import { memoryLogger } from "../../src/core/log.js";
import type { SourceBlock } from "../../src/core/reply.js";
import { openNewsroom, prepareStatements, type OpenedNewsroom } from "../../src/open-newsroom.js";

const wire = [
  "The harbour authority said on Monday that the northern pier would close for repairs until the spring.",
  "Ferries to the islands will leave from the southern quay, the authority said, and timetables will not change.",
  "Engineers found cracks in three of the pier's supports during an inspection last month.",
].join("\n\n");

function article(outlet: string, title: string, body: string): string {
  return `---\ntitle: ${title}\noutlet: ${outlet}\npublished: 2024-03-04\n---\n${title}\n\n${body}\n`;
}

describe("/sources with a syndicated story", () => {
  let newsroom: OpenedNewsroom;
  const dispatcher = createDispatcher(commands);
  const ask = (input: string, services = newsroom) =>
    dispatcher.dispatch(input, { services, platform: "cli", user: null, channel: null, log: memoryLogger(), now: () => new Date() });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "dateline-wire-"));
    writeFileSync(join(dir, "a.md"), article("Coast Gazette", "Northern pier to close for repairs", wire));
    writeFileSync(join(dir, "b.md"), article("Island Herald", "Pier closes until spring", wire));
    writeFileSync(join(dir, "c.md"), article("Coast Gazette", "Council debates pier budget", "Councillors argued over the cost of repairing the pier supports."));
    newsroom = await openNewsroom(dir, { dataDir: null, log: memoryLogger() });
    prepareStatements(newsroom, { background: false });
  });

  it("shows the story once and names the other outlet, keeping both in the results", async () => {
    const out = await ask("/sources pier repairs");
    const sources = out.reply.blocks.filter((b): b is SourceBlock => b.type === "source");
    expect(sources.map((s) => s.citation.doc)).toHaveLength(2);
    expect(out.results.map((r) => (r as { doc: string }).doc).sort()).toEqual(["a.md", "b.md", "c.md"]);
    const shownWire = sources.find((s) => s.citation.doc === "a.md" || s.citation.doc === "b.md")!;
    const other = shownWire.citation.doc === "a.md" ? "Island Herald (b.md)" : "Coast Gazette (a.md)";
    expect(out.reply.text).toContain(`Same text also in: ${other}`);
    expect(out.reply.text).toContain("1 duplicate copy folded in");
  });
});
