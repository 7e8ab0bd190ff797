/**
 * Where Dateline keeps its state: the files of the data folder (one process, the default) or PostgreSQL
 * (DATABASE_URL: several replicas of one newsroom). Both give the same stores; the rest of Dateline uses only
 * these interfaces.
 */
import type { FirstSeenStore } from "../corpus/first-seen.js";
import type { Ledger } from "../digest/ledger.js";
import type { SubscriptionStore } from "../digest/subscriptions.js";
import type { FeedStateStore } from "../feeds/state.js";

export interface StateStore {
  readonly kind: "files" | "postgres";
  /** Several processes may share it (then digests are claimed, and roles are taken, in the database). */
  readonly shared: boolean;
  readonly subscriptions: SubscriptionStore;
  openLedger(now?: () => Date): Promise<Ledger>;
  loadFirstSeen(): Promise<FirstSeenStore>;
  openFeedState(): Promise<FeedStateStore>;
  close(): Promise<void>;
}
