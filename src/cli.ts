#!/usr/bin/env node
/**
 * The `dateline` executable: checks the Node.js version first (an older one would fail to load the modules with a
 * cryptic error), then runs the command line (src/cli/run.ts).
 */
import { nodeVersionProblem } from "./node-version.js";

const problem = nodeVersionProblem(process.version);
if (problem) {
  process.stderr.write(`dateline: ${problem}\n`);
  process.exitCode = 1;
} else {
  const { runCli } = await import("./cli/run.js");
  runCli(process.argv.slice(2));
}
