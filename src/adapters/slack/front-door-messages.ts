/**
 * What the Slack front door's worker thread (front-door-worker.ts) and the main thread (front-door.ts) tell each
 * other. Only plain data crosses: bodies already parsed, log fields already made cloneable.
 */
import type { LogFields } from "../../core/log.js";
import type { SlackBody } from "./slack-body.js";

/** Given to the worker as its workerData. */
export interface DoorSettings {
  signingSecret: string;
  endpoints: string[];
  port: number;
  host?: string;
  maxBodyBytes?: number;
  /** An ask-bolt request the app has not acknowledged after this long is answered 404, as Bolt's HTTPReceiver does. */
  unacknowledgedAfterMs?: number;
  /** One Int32 the worker sets to 1 (and notifies) once its listener is closed, so that stopTaking() can wait for it. */
  listenerClosed: SharedArrayBuffer;
}

export type FromDoor =
  | { type: "listening"; port: number }
  | { type: "failed"; message: string; code?: string }
  /** A request for the app. `acked`: the door has already answered it (an empty 200). */
  | { type: "request"; id: number; body: SlackBody; acked: boolean; retryNum?: number; retryReason?: string }
  | { type: "log"; level: "debug" | "info" | "warn" | "error"; msg: string; fields: LogFields }
  /** After `stop`: every request received has had its HTTP answer; `forwarded` requests were sent to the app in all. */
  | { type: "drained"; forwarded: number }
  /** After `close`: every connection is closed. */
  | { type: "closed" };

export type ToDoor =
  /** The app's acknowledgement of an ask-bolt request, with the body Bolt would send. */
  | { type: "ack"; id: number; body?: unknown }
  /** The app failed before acknowledging: the status Bolt's HTTPReceiver would send. */
  | { type: "fail"; id: number; status: number }
  /** Close the listener and idle connections; answer `drained` once nothing received is unanswered. */
  | { type: "stop" }
  /** Close every connection, then answer `closed`. */
  | { type: "close" };
