/** The embedded default: the state files of the data folder (see each store for its file). */
import type { Logger } from "../core/log.js";
import { loadFirstSeen } from "../corpus/first-seen.js";
import { openLedger } from "../digest/ledger.js";
import { openSubscriptions } from "../digest/subscriptions.js";
import { openFileFeedState } from "../feeds/state.js";
import type { StateStore } from "./types.js";

export function openFileStore(dataDir: string, log: Logger): StateStore {
  return {
    kind: "files",
    shared: false,
    subscriptions: openSubscriptions(dataDir, log),
    openLedger: (now) => openLedger(dataDir, log, now),
    loadFirstSeen: () => loadFirstSeen(dataDir, log),
    openFeedState: () => openFileFeedState(dataDir, log),
    close: async () => undefined,
  };
}
