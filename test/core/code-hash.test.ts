import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeHash } from "../../src/code-hash.js";

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dateline-code-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("codeHash", () => {
  it("differs when the code differs and ignores files that are not code", () => {
    const a = codeHash(folderWith({ "x.js": "export const a = 1;", "x.js.map": "{}" }));
    const b = codeHash(folderWith({ "x.js": "export const a = 2;", "x.js.map": "{}" }));
    const c = codeHash(folderWith({ "x.js": "export const a = 1;", "x.js.map": "{\"other\":1}", "types.d.ts": "x" }));
    expect(a).not.toBe(b);
    expect(a).toBe(c);
  });
});
