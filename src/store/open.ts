/** The state store the configuration asks for: PostgreSQL with DATABASE_URL, else the data folder's files. */
import type { Logger } from "../core/log.js";
import { openFileStore } from "./files.js";
import { openPostgresStore, type PostgresStoreOptions } from "./postgres.js";
import type { StateStore } from "./types.js";

export async function openStateStore(
  config: { DATABASE_URL?: string | undefined; DATELINE_DATA_DIR: string },
  log: Logger,
  options: PostgresStoreOptions = {},
): Promise<StateStore> {
  if (config.DATABASE_URL) return openPostgresStore(config.DATABASE_URL, log.child({ component: "database" }), options);
  return openFileStore(config.DATELINE_DATA_DIR, log);
}
