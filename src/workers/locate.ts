/**
 * Where the modules run by worker threads are. Built, they are beside the compiled sources. Under vitest the
 * sources run as TypeScript, which a worker thread cannot load: the compiled module in dist/ is used (vitest's
 * global set-up builds dist/ when it is stale, see test/global-setup.ts).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../paths.js";

/** A module of src/ as a worker thread can load it; `relative` is its path under src/, without extension. */
export function compiledModule(relative: string): URL {
  if (import.meta.url.endsWith(".js")) return new URL(`../${relative}.js`, import.meta.url);
  return pathToFileURL(join(packageRoot(), "dist", "src", `${relative}.js`));
}

/** The worker pool's module (pool.ts). */
export function workerScript(): URL {
  return compiledModule("workers/worker");
}
