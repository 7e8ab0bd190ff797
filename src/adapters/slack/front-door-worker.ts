/**
 * The Slack HTTP endpoint in a worker thread of its own (see front-door.ts for why). It owns the HTTP server and
 * the request guard (request-guard.ts: 413 before buffering, signature and timestamp checked before reading,
 * retries and replays answered once), and then:
 * - answers Slack's SSL check and URL verification itself;
 * - acknowledges slash commands and block actions at once (an empty 200, what every handler of app.ts acks with)
 *   and hands the parsed request to the main thread;
 * - hands anything else to the main thread and answers with the app's acknowledgement, or 404 when none comes
 *   in time (as Bolt's HTTPReceiver does for a request no listener acknowledged).
 *
 * Its event loop only ever does this, so connections are accepted and acknowledged while the main thread is busy.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import type { LogFields, Logger } from "../../core/log.js";
import type { DoorSettings, FromDoor, ToDoor } from "./front-door-messages.js";
import { guardSlackRequests } from "./request-guard.js";
import { parseSlackBody, slackRequestKind, type SlackBody } from "./slack-body.js";

/** Bolt's HTTPReceiver: 3 s for a listener to acknowledge (Slack's own limit), 5 s for function_executed events. */
const UNACKNOWLEDGED_AFTER_MS = 3001;
const FUNCTION_UNACKNOWLEDGED_AFTER_MS = 5001;
/** The acknowledgement times kept for the summary logged at shutdown: the most recent ones. */
const ACK_TIMES_KEPT = 20_000;

type Level = "debug" | "info" | "warn" | "error";

/** A Logger whose lines go to the main thread's logger. */
function relayLogger(send: (message: FromDoor) => void, base: LogFields = {}): Logger {
  const write = (level: Level) => (msg: string, fields?: LogFields) => send({ type: "log", level, msg, fields: cloneable({ ...base, ...fields }) });
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (fields) => relayLogger(send, { ...base, ...fields }),
  };
}

/** Errors as {message, stack} (as the main logger writes them); anything else a thread cannot receive, as text. */
function cloneable(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) out[key] = { message: value.message, stack: value.stack };
    else if (typeof value === "function" || typeof value === "symbol") out[key] = String(value);
    else out[key] = value;
  }
  return out;
}

function runDoor(settings: DoorSettings, send: (message: FromDoor) => void, onMessage: (handle: (message: ToDoor) => void) => void): void {
  const log = relayLogger(send, { component: "front-door" });
  const listenerClosed = new Int32Array(settings.listenerClosed);
  /** ask-bolt requests waiting for the app's acknowledgement. */
  const waiting = new Map<number, { res: ServerResponse; timer: NodeJS.Timeout }>();
  let nextId = 0;
  let forwarded = 0;
  let stopping = false;
  /** Request received (headers read) to acknowledgement sent, in ms, for the requests handed to the app. */
  const ackTimes = new Float64Array(ACK_TIMES_KEPT);
  let acksTimed = 0;
  const timeAck = (res: ServerResponse, since: number) =>
    res.once("finish", () => (ackTimes[acksTimed++ % ACK_TIMES_KEPT] = performance.now() - since));

  function forward(req: IncomingMessage, body: SlackBody, acked: boolean): number {
    const id = ++nextId;
    forwarded++;
    send({ type: "request", id, body, acked, ...retryOf(req) });
    return id;
  }

  /** Reached by what the guard lets through: a signed request of at most 1 MB read whole, or an SSL check. */
  function dispatch(req: IncomingMessage, res: ServerResponse): void {
    const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody;
    const since = received.get(req) ?? performance.now();
    // Not a POST to the endpoint: nothing here answers it (as Bolt's HTTPReceiver, which defers it, then 404).
    if (!raw) return answer(res, 404);
    let body: SlackBody;
    try {
      body = parseSlackBody(raw, req.headers["content-type"]);
    } catch (error) {
      log.warn("Malformed Slack request body", { err: error });
      return answer(res, 400);
    }
    switch (slackRequestKind(body)) {
      case "ssl-check":
        return answer(res, 200);
      case "url-verification":
        return answer(res, 200, { challenge: body.challenge });
      case "ack-now":
        timeAck(res, since);
        answer(res, 200);
        forward(req, body, true);
        return;
      case "ask-bolt": {
        timeAck(res, since);
        const id = forward(req, body, false);
        const event = body.event as { type?: unknown } | undefined;
        const after = settings.unacknowledgedAfterMs ?? (event?.type === "function_executed" ? FUNCTION_UNACKNOWLEDGED_AFTER_MS : UNACKNOWLEDGED_AFTER_MS);
        const timer = setTimeout(() => {
          waiting.delete(id);
          log.error("A Slack request was not acknowledged in time: answered 404", { afterMs: after, type: body.type ?? null });
          answer(res, 404);
        }, after);
        waiting.set(id, { res, timer });
        res.once("close", () => {
          clearTimeout(timer);
          waiting.delete(id);
        });
      }
    }
  }

  const guard = guardSlackRequests(dispatch, {
    signingSecret: settings.signingSecret,
    endpoints: settings.endpoints,
    log,
    ...(settings.maxBodyBytes !== undefined ? { maxBodyBytes: settings.maxBodyBytes } : {}),
  });
  const received = new WeakMap<IncomingMessage, number>();
  const server = createServer((req, res) => {
    received.set(req, performance.now());
    // Once stopping, connections are not kept for another request.
    if (stopping) res.setHeader("connection", "close");
    guard.listener(req, res);
  });

  onMessage((message) => {
    switch (message.type) {
      case "ack":
      case "fail": {
        const entry = waiting.get(message.id);
        if (!entry) return;
        clearTimeout(entry.timer);
        waiting.delete(message.id);
        if (message.type === "ack") answer(entry.res, 200, message.body);
        else answer(entry.res, message.status);
        return;
      }
      case "stop":
        stopping = true;
        server.close();
        server.closeIdleConnections();
        Atomics.store(listenerClosed, 0, 1);
        Atomics.notify(listenerClosed, 0);
        void (async () => {
          while (guard.unanswered > 0) await guard.responded();
          log.info("Slack front door closed", { requests: forwarded, ackMs: summary(ackTimes.subarray(0, Math.min(acksTimed, ACK_TIMES_KEPT))) });
          send({ type: "drained", forwarded });
        })();
        return;
      case "close":
        server.closeAllConnections();
        if (server.listening) server.close();
        send({ type: "closed" });
        return;
    }
  });

  server.once("error", (error: NodeJS.ErrnoException) => send({ type: "failed", message: error.message, ...(error.code ? { code: error.code } : {}) }));
  server.listen(settings.port, settings.host, () => send({ type: "listening", port: (server.address() as AddressInfo).port }));
}

/** Nearest-rank percentiles of the acknowledgement times (the last ACK_TIMES_KEPT), rounded to 0.1 ms. */
function summary(times: Float64Array): { n: number; p50: number; p99: number; max: number } | null {
  if (times.length === 0) return null;
  const sorted = Float64Array.from(times).sort();
  const at = (p: number) => Math.round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
  return { n: sorted.length, p50: at(50), p99: at(99), max: at(100) };
}

/** As Bolt's buildContentResponse: nothing, text, or JSON. */
function answer(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined || body === null || body === "") {
    res.writeHead(status);
    res.end();
  } else if (typeof body === "string") {
    res.writeHead(status);
    res.end(body);
  } else {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }
}

function retryOf(req: IncomingMessage): { retryNum?: number; retryReason?: string } {
  const num = req.headers["x-slack-retry-num"];
  const reason = req.headers["x-slack-retry-reason"];
  return {
    ...(typeof num === "string" && /^\d+$/.test(num) ? { retryNum: Number(num) } : {}),
    ...(typeof reason === "string" && reason !== "" ? { retryReason: reason } : {}),
  };
}

if (parentPort && (workerData as { frontDoor?: DoorSettings } | null)?.frontDoor) {
  const port = parentPort;
  runDoor(
    (workerData as { frontDoor: DoorSettings }).frontDoor,
    (message) => port.postMessage(message),
    (handle) => port.on("message", handle),
  );
}
