/** The shape of a benchmark run's figures (what `--json` prints). Times in milliseconds, sizes in bytes. */
import type { LatencySummary } from "./stats.js";

export type Failed = { error: string };

export interface IngestFigures {
  ms: number;
  mbPerSecond: number;
  /** Where the time went, when it has parts (index, quotations). */
  parts?: Record<string, number>;
}

export interface HeapFigures {
  bytes: number;
  perPassage: number;
  parts?: Record<string, number>;
}

export interface SnapshotFigures {
  /** The index's snapshot (what MiniSearch's is compared with). */
  bytes: number;
  /** Time to write it (for Dateline: build and save through openSourceIndex). */
  writeMs: number;
  /** Dateline: the quotations' snapshot written beside it, as a bot that has run once leaves it. */
  quotes?: { bytes: number; writeMs: number } | Failed;
}

export interface FirstAnswerFigures {
  /** From the child process's start (its performance time origin) to its first answer, synthetic steps excluded. */
  ms: number;
  /** Spawn to exit as the parent saw it, synthetic steps included. */
  wallMs: number;
  phases: Record<string, number>;
  /** How many results the first answer had. */
  found: number;
  /** Dateline: where the quotations of the first /quote (timed after the first answer) came from. */
  quotations?: { fromSnapshot: boolean; why?: string };
}

export interface LatencyFigures {
  sources: LatencySummary | null;
  quote: LatencySummary | null;
  /** False when the time budget cut the repetitions short. */
  complete: boolean;
  slowest: Array<{ input: string; maxMs: number; found: number }>;
  /** Results found per query on the warm-up run, in the order of bench/queries.ts. */
  found: number[];
}

export interface SlackFigures {
  /** Requests sent (fewer than asked when the time budget ran out). */
  requests: number;
  concurrency: number;
  /** Slash command POST to its HTTP response (Slack wants this within 3 s). */
  ack: LatencySummary | null;
  /** Slash command POST to the answer arriving at response_url. */
  answer: LatencySummary | null;
  /** Requests that got no answer, or an error status. */
  failed: number;
  wallMs: number;
  /** Warning and error lines the adapter logged meanwhile (answers refused, late answers), and the first few. */
  logged?: number;
  loggedSample?: string[];
}

/** The load scenario (load.ts): the bot as `npm start` runs it on Slack, /digest and a large article meanwhile. */
export interface LoadFigures {
  corpus: { locations: string[]; articleMegabytes: number };
  /** `start()` until the Slack adapter listens. */
  startMs: number;
  /** The first answers after start-up (the quote book opened). */
  warmUpMs: number;
  load: SlackFigures & {
    answerByCommand: Record<string, LatencySummary | null>;
    /** "Composing the digest…" notes sent before an answer. */
    notes: number;
    writtenAtMs: number | null;
    /** Acks of each client loop's first request (a new connection) and of the later ones (optional: older runs). */
    ackFirst?: LatencySummary | null;
    ackLater?: LatencySummary | null;
    /** What the /digest answers held (optional: older runs). */
    digests?: { withStories: number; articles: number; stories: number; nothingNew: number; withStoriesMoreReading?: number; stillReading?: number };
  };
  /** The records that arrived after start, before the load (the day's news for /digest): ms until taken in. */
  arriving?: { records: number; from: string; takenMs: number | null } | null;
  /** Request read to acknowledgement sent, as the Slack front door measured it (warm-up included), ms. */
  serverAck?: { n: number; p50: number; p99: number; max: number } | null;
  /** The bot's event loop held during the load (ms; monitorEventLoopDelay). */
  eventLoopDelay: { p99: number; max: number };
  /** From the large article written to the newsroom having it in its indexes. */
  articleIndexedMs: number | null;
  warnings: number;
  firstWarnings: string[];
}

export interface EngineReport {
  ingest: IngestFigures | Failed | null;
  heap: HeapFigures | Failed | null;
  snapshot: SnapshotFigures | Failed | null;
  firstAnswer: FirstAnswerFigures | Failed | null;
  latency: Record<string, LatencyFigures>;
  slack: SlackFigures | Failed | null;
  notes: string[];
}

export interface BenchReport {
  /** The load scenario (load.ts), unless skipped. */
  load?: LoadFigures | Failed | { skipped: string };
  /** Two replicas on one PostgreSQL database behind a round-robin (replicas.ts). */
  replicas?: ReplicaOutcome;
  date: string;
  machine: { cpus: number; cpu: string; memoryGiB: number; node: string; platform: string };
  corpus: {
    locations: string[];
    articles: number;
    passages: number;
    megabytes: number;
    baseArticles: number;
    basePassages: number;
    copies: number;
    loadMs: number;
    replicateMs: number;
  };
  repetitions: number;
  minisearch: EngineReport | null;
  dateline: EngineReport;
  /** Dateline divided by plain MiniSearch (default options unless named), same run: < 1 is better for times and sizes. */
  ratios: Record<string, number | null>;
  targets: Array<{ name: string; target: string; value: string; met: boolean | null }>;
}

export function isFailed(x: unknown): x is Failed {
  return typeof x === "object" && x !== null && "error" in x;
}

export function failure(error: unknown): Failed {
  return { error: error instanceof Error ? error.message : String(error) };
}

/** Replicas (replicas.ts): bot processes on one PostgreSQL database. */
export interface ReplicaFigures {
  corpus: { locations: string[] };
  /** Process spawn until its Slack endpoint answers: the ingest holder (reads and stores the corpus), then the other. */
  startMs: { ingest: number; follower: number };
  /** The same commands, all to one replica, then round-robin to two. */
  one: SlackFigures;
  two: SlackFigures;
  /** A file written on the ingest side until /sources finds it on the other replica. */
  fileSearchableMs: number | null;
}

export type ReplicaOutcome = ReplicaFigures | Failed | { skipped: string };
