/**
 * Bolt's receiver for Slack over HTTP, with the HTTP server in a worker thread (front-door-worker.ts).
 *
 * Why a thread: Node accepts at most one new connection per turn of its event loop, so while the main thread runs
 * command work (each turn long), connections wait in the kernel's accept queue for seconds before any code of ours
 * sees them; Slack gives up after 3 s. The worker's loop does nothing but HTTP: it accepts, checks and acknowledges
 * at once, and hands the parsed request here, where Bolt runs it with an acknowledgement that does nothing (for
 * slash commands and block actions, already answered) or that sends the app's answer back to the worker.
 */
import { Worker } from "node:worker_threads";
import { ErrorCode, ReceiverMultipleAckError, type App, type Receiver, type ReceiverEvent } from "@slack/bolt";
import type { Logger } from "../../core/log.js";
import type { DoorSettings, FromDoor, ToDoor } from "./front-door-messages.js";

export interface FrontDoorOptions {
  signingSecret: string;
  endpoints: string[];
  /** 0 picks a free one. */
  port: number;
  host?: string;
  log: Logger;
  maxBodyBytes?: number;
}

/**
 * The worker's module, compiled: beside this file when built; under vitest (TypeScript sources, which a worker
 * thread cannot load) the one in dist/, which vitest's global set-up builds (as src/workers/locate.ts does).
 */
function workerModule(): URL {
  if (import.meta.url.endsWith(".js")) return new URL("./front-door-worker.js", import.meta.url);
  return new URL("../../../dist/src/adapters/slack/front-door-worker.js", import.meta.url);
}

/** At most this many restarts of a dying worker within RESTART_WINDOW_MS. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** How long stopTaking() waits, blocking, for the worker to confirm its listener is closed. */
const LISTENER_CLOSE_WAIT_MS = 2000;

export class FrontDoorReceiver implements Receiver {
  private app: App | null = null;
  private worker: Worker | null = null;
  private readonly listenerClosed = new SharedArrayBuffer(4);
  private received = 0;
  /** Bolt's processing of each request received (it settles once the listener, and so the command, is done). */
  private readonly handling = new Set<Promise<void>>();
  private readonly waiters: Array<{ match: (m: FromDoor) => boolean; resolve: (m: FromDoor) => void }> = [];
  private receivedWaiter: { count: number; resolve: () => void } | null = null;
  private stopping: Promise<void> | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** When the worker was last started again after it died (a thread that keeps dying is not started forever). */
  private readonly restarts: number[] = [];

  constructor(private readonly options: FrontDoorOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** Starts the worker and its listener; resolves with the port listened on. */
  start(): Promise<number> {
    return this.spawn(this.options.port);
  }

  private async spawn(port: number): Promise<number> {
    const settings: DoorSettings = {
      signingSecret: this.options.signingSecret,
      endpoints: this.options.endpoints,
      port,
      ...(this.options.host !== undefined ? { host: this.options.host } : {}),
      ...(this.options.maxBodyBytes !== undefined ? { maxBodyBytes: this.options.maxBodyBytes } : {}),
      listenerClosed: this.listenerClosed,
    };
    Atomics.store(new Int32Array(this.listenerClosed), 0, 0);
    this.received = 0;
    const worker = new Worker(workerModule(), { workerData: { frontDoor: settings } });
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    worker.on("message", (message: FromDoor) => this.take(message, worker));
    /** The port listened on (the one asked for, or the free one picked for 0): a restart takes the same. */
    let listening: number | null = null;
    const crashed = new Promise<never>((_, reject) => {
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the Slack front door's thread exited with code ${code}`)));
    });
    crashed.catch((error: unknown) => {
      if (this.stopping !== null || this.worker !== worker) return;
      this.worker = null;
      if (listening !== null) this.restart(listening, error);
    });
    const started = await Promise.race([this.next((m) => m.type === "listening" || m.type === "failed"), crashed]);
    if (started.type === "failed") {
      await worker.terminate();
      throw Object.assign(new Error(`Slack HTTP endpoint: ${started.message}`), { code: started.code });
    }
    listening = (started as Extract<FromDoor, { type: "listening" }>).port;
    return listening;
  }

  /**
   * The worker died while serving (a bug, or memory): Slack would be refused from now on, so it is started again
   * on the same port. Requests it had not answered are lost to their connections; Slack retries them.
   */
  private restart(port: number, error: unknown): void {
    const now = Date.now();
    while (this.restarts.length > 0 && this.restarts[0]! < now - RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      this.options.log.error("the Slack front door's thread keeps failing: Slack requests are no longer answered", { err: error });
      return;
    }
    this.restarts.push(now);
    this.options.log.error("the Slack front door's thread failed; starting it again", { err: error, port });
    this.spawn(port).catch((again: unknown) => this.options.log.error("the Slack front door could not be started again", { err: again }));
  }

  /**
   * Closes the listener (before returning: a connection attempted after this call is refused), then resolves once
   * every request received has had its HTTP answer and has been handed to Bolt.
   */
  stopTaking(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  /** Settles once Bolt has finished with every request handed to it so far (their listeners included). */
  async idle(): Promise<void> {
    while (this.handling.size > 0) await Promise.allSettled([...this.handling]);
  }

  /** Closes every connection and the worker (call after stopTaking() and the work in flight). */
  async stop(): Promise<void> {
    if (!this.worker) return;
    await this.stopTaking();
    const closed = this.next((m) => m.type === "closed");
    this.send({ type: "close" });
    await Promise.race([closed, this.exited]);
    await this.worker.terminate();
    this.worker = null;
  }

  private async drain(): Promise<void> {
    if (!this.worker) return;
    const drained = this.next((m) => m.type === "drained");
    this.send({ type: "stop" });
    const flag = new Int32Array(this.listenerClosed);
    // The worker answers within a millisecond or so; waiting here makes the listener closed when stop() returns.
    if (Atomics.wait(flag, 0, 0, LISTENER_CLOSE_WAIT_MS) === "timed-out") {
      this.options.log.warn("the Slack front door did not confirm its listener closed in time", { waitedMs: LISTENER_CLOSE_WAIT_MS });
    }
    const { forwarded } = (await Promise.race([drained, this.exited.then(() => ({ forwarded: this.received }))])) as { forwarded: number };
    if (this.received < forwarded) await new Promise<void>((resolve) => (this.receivedWaiter = { count: forwarded, resolve }));
  }

  private take(message: FromDoor, from: Worker): void {
    for (const waiter of this.waiters.filter((w) => w.match(message))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
    if (message.type === "log") {
      this.options.log[message.level](message.msg, message.fields);
    } else if (message.type === "request") {
      this.received++;
      this.hand(message, from);
      if (this.receivedWaiter && this.received >= this.receivedWaiter.count) {
        this.receivedWaiter.resolve();
        this.receivedWaiter = null;
      }
    }
  }

  /** Runs a request through Bolt, as Bolt's HTTPReceiver would once it has read and checked it. */
  /** `door`: the worker the request came from, which alone can answer it. */
  private hand(request: Extract<FromDoor, { type: "request" }>, door: Worker): void {
    const { id, acked } = request;
    let acknowledged = acked;
    const tell = (message: ToDoor) => door.postMessage(message);
    const ack = async (body?: unknown): Promise<void> => {
      if (acked) return;
      if (acknowledged) throw new ReceiverMultipleAckError();
      acknowledged = true;
      tell({ type: "ack", id, body });
    };
    const event: ReceiverEvent = {
      body: request.body,
      ack,
      ...(request.retryNum !== undefined ? { retryNum: request.retryNum } : {}),
      ...(request.retryReason !== undefined ? { retryReason: request.retryReason } : {}),
    };
    const app = this.app;
    if (!app) {
      this.options.log.error("Slack request received before the app was ready");
      if (!acknowledged) tell({ type: "fail", id, status: 500 });
      return;
    }
    const handling: Promise<void> = app
      .processEvent(event)
      .catch((error: unknown) => {
        this.options.log.error("Bolt could not process a Slack request", { err: error });
        // As Bolt's HTTPReceiver: 401 when authorization failed, else 500, if not answered yet.
        if (!acknowledged) {
          acknowledged = true;
          tell({ type: "fail", id, status: (error as { code?: string }).code === ErrorCode.AuthorizationError ? 401 : 500 });
        }
      })
      .finally(() => this.handling.delete(handling));
    this.handling.add(handling);
  }

  private next(match: (m: FromDoor) => boolean): Promise<FromDoor> {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  private send(message: ToDoor): void {
    this.worker?.postMessage(message);
  }
}
