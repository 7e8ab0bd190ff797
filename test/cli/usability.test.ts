/**
 * Usability seen on the way: every subcommand answers --help (the built CLI, from outside); /more with nothing before
 * it says so at the console; a console start shows its progress before the first answer.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/adapters/console/console.js";
import { readConfig } from "../../src/config.js";
import { memoryLogger } from "../../src/core/log.js";
import { start } from "../../src/main.js";
import { ROOT, ensureBuilt } from "../e2e/service.js";
import { testBot, testServices } from "../slack/test-bot.js";

/** Everything written to a stream, as one text. */
function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { stream, text: () => text };
}

/** The subcommands that `dateline --help` lists (each usage line starts with two spaces and the command's name). */
function listedSubcommands(): string[] {
  const run = spawnSync(process.execPath, ["dist/src/cli.js", "--help"], { cwd: ROOT, encoding: "utf8" });
  return [...run.stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!);
}

describe("dateline <command> --help", () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it("every subcommand that dateline --help lists prints its usage and exits 0, running nothing", () => {
    const names = listedSubcommands();
    expect(names).toEqual(expect.arrayContaining(["ask", "quotes", "articles", "feeds", "statements", "digest", "index", "start", "db"]));
    for (const name of names) {
      // `start --help` must not start a bot, nor `ask --help` open a corpus: a corpus that does not exist proves it.
      const run = spawnSync(process.execPath, ["dist/src/cli.js", name, "--help"], {
        cwd: ROOT,
        env: { ...process.env, DATELINE_CORPUS: "/nonexistent/corpus", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "" },
        encoding: "utf8",
      });
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stdout.startsWith(`Usage: dateline ${name}`), `${name} --help printed: ${run.stdout}`).toBe(true);
      expect(run.stderr, name).toBe("");
    }
  });

  it("after --, --help is a positional again", () => {
    const run = spawnSync(process.execPath, ["dist/src/cli.js", "ask", "--corpus", "seeds", "--", "--help"], {
      cwd: ROOT,
      env: { ...process.env, DATELINE_DATA_DIR: "", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "" },
      encoding: "utf8",
    });
    expect(run.stdout).not.toMatch(/^Usage:/);
  });
});

describe("the console", () => {
  it("says that /more has nothing to page when nothing came before it, then pages as usual", async () => {
    const services = testServices();
    const output = collector();
    await runConsole({
      bot: testBot(memoryLogger(), services),
      input: Readable.from(["/more\n", "/sources Kyiv\n", "/more\n"]),
      output: output.stream,
      interactive: false,
    });
    const lines = output.text().split("\n");
    expect(lines[0]).toBe("Nothing to page yet: /more shows the next page of the previous command. Try /sources Kyiv, then /more.");
    expect(services.runs.map((r) => [r.command, r.query, r.page])).toEqual([
      ["sources", "Kyiv", 0],
      ["sources", "Kyiv", 1],
    ]);
  });

  it("a start shows its progress before the first answer", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dateline-progress-"));
    try {
      const timeline: string[] = [];
      const output = collector();
      output.stream.on("data", () => timeline.push("output"));
      const running = await start(readConfig({ DATELINE_DATA_DIR: dataDir }), path.join(ROOT, "seeds"), memoryLogger("warn"), {
        progress: {
          stage: (text) => timeline.push(`stage ${text}`),
          indexed: (done, total) => timeline.push(`indexed ${done}/${total}`),
        },
        console: { input: Readable.from(["/help\n"]), output: output.stream },
      });
      expect(running).toBeNull();
      const firstOutput = timeline.indexOf("output");
      expect(firstOutput).toBeGreaterThan(0);
      const before = timeline.slice(0, firstOutput);
      expect(before[0]).toMatch(/^stage Opening the corpus at .*seeds…$/);
      expect(before).toContain("indexed 5/5");
      expect(before.at(-1)).toMatch(/^stage Finding the quotations and statements in 5 articles…$/);
      expect(timeline.slice(firstOutput).every((e) => e === "output")).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("dateline ask with commands on standard input", () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it("acts on /context N and /cite N as the console does: the previous answer's quotation numbered N", () => {
    const run = spawnSync(process.execPath, ["dist/src/cli.js", "ask", "--corpus", "seeds"], {
      cwd: ROOT,
      env: { ...process.env, DATELINE_DATA_DIR: "", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "" },
      input: "/quote Spoljaric neutrality\n/context 1\n/cite 1\n",
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("(/context 1 · /cite 1)");
    expect(run.stdout).toContain("The sentence that attributes it:");
    // The quotation ends "...these principles," she said: the pasted line ends the quotation without that comma.
    expect(run.stdout).toMatch(/Citation: Mirjana Spoljaric, “[^”\n]*principles”, /);
    expect(run.stdout).not.toContain("no longer in the corpus");
  });
});
