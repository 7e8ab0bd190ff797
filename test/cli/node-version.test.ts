/** The Node.js version Dateline needs: stated once, said the same by package.json and the README, checked at start. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeVersionProblem, REQUIRED_NODE } from "../../src/node-version.js";
import { ensureBuilt } from "../e2e/service.js";

const ROOT = resolve(import.meta.dirname, "../..");

describe("the Node.js version Dateline needs", () => {
  it("is 20.15 (zlib.crc32), and package.json's engines and the README say so", () => {
    expect(REQUIRED_NODE).toBe("20.15");
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${REQUIRED_NODE}`);
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(`Requires Node.js ${REQUIRED_NODE} or later`);
  });

  it("refuses older versions by name and accepts 20.15 and later", () => {
    for (const old of ["v20.14.0", "v20.9.1", "v18.20.4", "v16.0.0"]) expect(nodeVersionProblem(old)).toMatch(/needs Node\.js 20\.15 or later/);
    for (const ok of ["v20.15.0", "v20.20.2", "v21.0.0", "v22.11.0", "v24.1.0"]) expect(nodeVersionProblem(ok)).toBeNull();
  });

  it("is checked before anything else is loaded: the built command line says why and exits 1", () => {
    ensureBuilt();
    // This Node.js made to report an older version: the check must answer before the modules needing 20.15 load.
    const run = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", `Object.defineProperty(process, "version", { value: "v20.14.0" }); await import(${JSON.stringify(join(ROOT, "dist/src/cli.js"))});`],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(run.stderr).toBe("dateline: Dateline needs Node.js 20.15 or later (zlib.crc32, used by its snapshots); this is Node.js 20.14.0\n");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
  });
});
