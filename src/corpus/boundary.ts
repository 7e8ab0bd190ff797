/**
 * The corpus folder is a boundary: a symbolic link in it that leads outside it (to /etc/passwd, to another
 * newsroom's files) is never read. Each such link is named in a warning and served as nothing.
 */
import { realpath } from "node:fs/promises";
import path from "node:path";
import type { CorpusProblem } from "./types.js";

/** Where `relPath` really leads when that is outside `root` (both resolved through every link); else null. */
export async function leadsOutside(root: string, relPath: string): Promise<string | null> {
  const [realRoot, target] = await Promise.all([realpath(root), realpath(path.join(root, ...relPath.split("/")))]);
  const inside = path.relative(realRoot, target);
  const outside = inside === "" || inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
  return outside ? target : null;
}

export function outsideProblem(relPath: string, target: string): CorpusProblem {
  return { file: relPath, severity: "warning", message: `symbolic link to ${target}, outside the corpus folder: not read` };
}
