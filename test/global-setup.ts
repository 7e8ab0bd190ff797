/**
 * Before the tests: dist/ built from the current sources when it is missing or stale. Worker threads cannot load
 * TypeScript, so the worker pool runs the compiled jobs (src/workers/locate.ts) even under vitest.
 */
import { ensureBuilt } from "./e2e/service.js";

export default function setup(): void {
  ensureBuilt();
}
