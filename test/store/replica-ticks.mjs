// One replica for the digest test: opens the PostgreSQL store, ticks the scheduler a few times at a fixed clock,
// and appends each posted channel to a file (appends of one short line from several processes do not interleave).
import { appendFileSync } from "node:fs";
import process from "node:process";
import { createDigestScheduler } from "../../dist/src/digest/schedule.js";
import { openPostgresStore } from "../../dist/src/store/postgres.js";
import { createLogger } from "../../dist/src/core/log.js";

const [url, out, at] = process.argv.slice(2);
const log = createLogger("silent");
const store = await openPostgresStore(url, log, { replica: true });
const now = () => new Date(at);
const scheduler = createDigestScheduler({
  dataDir: "/nonexistent",
  posters: [{ platform: "slack", post: async (channel) => appendFileSync(out, `${channel}\n`) }],
  compose: () => ({ visibility: "public", text: "digest", blocks: [] }),
  now,
  log,
  subscriptions: store.subscriptions,
  ledger: () => store.openLedger(),
});
for (let i = 0; i < 3; i++) await scheduler.tick();
await store.close();
