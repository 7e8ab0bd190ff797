/**
 * `dateline db migrate` applies the pending schema migrations of DATABASE_URL (bots also do it at start);
 * `dateline db status [--json]` tells what the database holds: schema, replicas seen, roles, corpus, digests.
 */
import { parseArgs } from "node:util";
import { connectPool } from "../store/connection.js";
import { migrate } from "../store/migrations.js";
import { dbStatus, type DbStatus } from "../store/status.js";
import { UsageError, cliConfig, cliLogger } from "./shared.js";

export async function db(argv: string[]): Promise<void> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" } } });
  if (action !== "migrate" && action !== "status") throw new UsageError(`db takes "migrate" or "status" (got "${action ?? ""}")`);
  const config = cliConfig();
  if (!config.DATABASE_URL) throw new UsageError("DATABASE_URL is not set: without it the state is in the data folder's files");
  const pool = await connectPool(config.DATABASE_URL, cliLogger(config), { max: 2 });
  try {
    if (action === "migrate") {
      const { applied, current } = await migrate(pool);
      process.stdout.write(
        applied.length > 0 ? `applied ${applied.map((m) => `${m.id}-${m.name}`).join(", ")}; schema at migration ${current}\n` : `schema current (migration ${current})\n`,
      );
      return;
    }
    const status = await dbStatus(pool);
    process.stdout.write(values.json ? JSON.stringify(status) + "\n" : statusText(status));
  } finally {
    await pool.end();
  }
}

function statusText(s: DbStatus): string {
  const lines = [`schema: migration ${s.schema.current} of ${s.schema.latest}${s.schema.pending.length ? ` (pending: ${s.schema.pending.join(", ")}; run dateline db migrate)` : ""}`];
  const live = s.replicas.filter((r) => r.live);
  lines.push(`replicas: ${live.length} live`);
  for (const r of s.replicas) {
    lines.push(`  ${r.id}  ${r.live ? "live" : "silent"}, heartbeat ${r.heartbeatAt}, started ${r.startedAt}${r.roles.length ? `, roles: ${r.roles.join(", ")}` : ""}`);
  }
  lines.push(`roles: ${s.roles.length ? s.roles.map((r) => `${r.role} (${r.holder ?? "held"})`).join(", ") : "none held"}`);
  lines.push(`corpus: ${s.corpus.documents} documents known (${s.corpus.baselineDocuments} in the baseline)`);
  const stored = s.storedCorpus;
  lines.push(`stored corpus: ${stored.articles} articles, version ${stored.version}${stored.removed ? ` (${stored.removed} removed kept as tombstones)` : ""}`);
  for (const i of stored.indexes.filter((x) => x.live)) {
    lines.push(`  index of ${i.replica}: ${i.articles} articles at version ${i.corpusVersion}${i.fromSnapshot ? ", loaded from its snapshot" : ", built"} ${i.builtAt}`);
  }
  if (stored.problems.length > 0) lines.push(`  problems found reading the corpus files (${stored.problems.length}):`);
  for (const p of stored.problems) lines.push(`  ${p.severity} ${p.file}${p.line === undefined ? "" : `:${p.line}`}: ${p.message} (version ${p.version})`);
  lines.push(`subscriptions: ${s.subscriptions}`);
  lines.push(`last digest per channel: ${s.lastDigests.length ? "" : "none"}`);
  for (const d of s.lastDigests) lines.push(`  ${d.platform} ${d.channel}: ${d.day} ${d.status}${d.postedAt ? ` at ${d.postedAt}` : ""}`);
  return lines.join("\n") + "\n";
}
