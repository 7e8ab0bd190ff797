/**
 * A hash of the code in a folder, as it runs (the .js of dist/, or the .ts under vitest). Snapshots include the
 * hash of the code that produced them, so that an upgraded Dateline never reuses an index or quotations built by
 * older code, whether or not somebody remembered to bump a version constant.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const hashes = new Map<string, string>();

/** `folder` is a file: URL of the folder (e.g. `new URL(".", import.meta.url)`) or a path. */
export function codeHash(folder: URL | string): string {
  const path = folder instanceof URL ? fileURLToPath(folder) : folder;
  const known = hashes.get(path);
  if (known) return known;
  const hash = createHash("sha256");
  for (const name of readdirSync(path).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith(".d.ts")).sort()) {
    hash.update(name).update(readFileSync(join(path, name)));
  }
  const digest = hash.digest("hex");
  hashes.set(path, digest);
  return digest;
}
