/**
 * Where the worker threads' module is. Built, it is worker.js beside this file. Under vitest the sources run as
 * TypeScript, which a worker thread cannot load: the compiled worker in dist/ is used (vitest's global set-up
 * builds dist/ when it is stale, see test/global-setup.ts).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../paths.js";

export function workerScript(): URL {
  if (import.meta.url.endsWith(".js")) return new URL("./worker.js", import.meta.url);
  return pathToFileURL(join(packageRoot(), "dist", "src", "workers", "worker.js"));
}
