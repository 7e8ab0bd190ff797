/**
 * The door of the Slack HTTP endpoint, in front of Bolt's request listener. It refuses what Slack never sends
 * before reading a byte of the body, so that a stranger cannot make the bot buffer hundreds of megabytes:
 * - a declared body over the limit (1 MB): 413; a body that turns out larger while it streams: 413, read no further;
 * - no signature, or a timestamp more than five minutes away in either direction (Bolt only checks the past): 401;
 *   the one unsigned request let through is Slack's SSL check (`ssl_check=1`, a few hundred bytes at most), which
 *   Bolt answers with 200 without running anything;
 * - a signature that does not match the body: 401.
 * A request seen before (Slack retrying it with X-Slack-Retry-Num, or the same signed request replayed) is
 * acknowledged with an empty 200 and not run again: each is answered once.
 *
 * It also knows which requests are still being answered over HTTP, so that shutdown can wait for them.
 *
 * It runs in the front door's worker thread (front-door-worker.ts), which does not load Bolt: the signature is
 * checked here as Bolt's isValidSlackRequest checks it (HMAC-SHA256 of `v0:{timestamp}:{body}`).
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "../../core/log.js";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Slack's own rule: a request signed more than five minutes from now is not to be trusted. */
export const TIMESTAMP_TOLERANCE_S = 5 * 60;
/** Longer than the timestamp window and Slack's retries (at once, after 1 and after 5 minutes). */
const REMEMBER_MS = 15 * 60_000;
const REMEMBER_MAX = 50_000;
/** An SSL check's body is `ssl_check=1&token=…`: anything unsigned and longer is refused unread. */
const SSL_CHECK_MAX_BYTES = 1024;

export interface RequestGuardOptions {
  signingSecret: string;
  /** The paths Slack posts to. Other requests go to `next` unchecked (Bolt answers 404). */
  endpoints: readonly string[];
  log: Logger;
  maxBodyBytes?: number;
  now?: () => number;
}

export interface RequestGuard {
  listener: RequestListener;
  /** Settles once every request received so far has had its HTTP response sent (or its connection closed). */
  responded(): Promise<void>;
  /** How many requests are still waiting for their HTTP response. */
  readonly unanswered: number;
}

/** `next` is Bolt's listener; it finds the body already read (`rawBody`), as Bolt allows. */
export function guardSlackRequests(next: RequestListener, options: RequestGuardOptions): RequestGuard {
  const { log } = options;
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const pending = new Set<Promise<void>>();

  const refuse = (res: ServerResponse, status: number, why: string, req: IncomingMessage) => {
    log.warn("Slack request refused", { status, why, from: req.socket.remoteAddress });
    // The body is not read: the connection is closed after the answer instead of being drained.
    res.writeHead(status, { connection: "close" });
    res.end();
  };

  /** True the first time a body is seen (within REMEMBER_MS); forgets the oldest beyond REMEMBER_MAX. */
  const firstTime = (body: Buffer): boolean => {
    const at = now();
    for (const [key, expires] of seen) {
      if (expires > at && seen.size < REMEMBER_MAX) break;
      seen.delete(key);
    }
    const key = createHash("sha256").update(body).digest("base64");
    if (seen.has(key)) return false;
    seen.set(key, at + REMEMBER_MS);
    return true;
  };

  async function check(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const signature = header(req, "x-slack-signature");
    const timestamp = header(req, "x-slack-request-timestamp");
    if (!signature) return sslCheck(req, res);
    if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return refuse(res, 401, "not signed", req);
    const skew = Math.abs(now() / 1000 - Number(timestamp));
    if (skew > TIMESTAMP_TOLERANCE_S) return refuse(res, 401, `timestamp ${Math.round(skew)} s away`, req);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBytes) return refuse(res, 413, `body of ${declared} bytes declared`, req);

    const body = await readAtMost(req, maxBytes);
    if (body === null) return refuse(res, 413, `body over ${maxBytes} bytes`, req);
    if (!signatureMatches(options.signingSecret, timestamp, body, signature)) return refuse(res, 401, "signature does not match", req);
    if (!firstTime(body)) {
      log.info("Slack request already answered: acknowledged again, not run again", {
        retry: header(req, "x-slack-retry-num") ?? null,
        reason: header(req, "x-slack-retry-reason") ?? null,
      });
      res.writeHead(200, { "x-slack-no-retry": "1" });
      res.end();
      return;
    }
    // Bolt reads the body from here instead of the stream (its BufferedIncomingMessage).
    Object.assign(req, { rawBody: body });
    next(req, res);
  }

  /**
   * Slack checks the certificate of a slash command's URL with a POST of `ssl_check=1` and a token, which need
   * not be signed (Bolt takes them unsigned, keeping only `ssl_check=1`). Any other unsigned request is refused.
   */
  async function sslCheck(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > SSL_CHECK_MAX_BYTES) return refuse(res, 401, "not signed", req);
    const body = await readAtMost(req, SSL_CHECK_MAX_BYTES);
    if (body === null || new URLSearchParams(body.toString("utf8")).get("ssl_check") !== "1") return refuse(res, 401, "not signed", req);
    // Only the check itself reaches Bolt: nothing else of an unsigned body is trusted.
    Object.assign(req, { rawBody: Buffer.from("ssl_check=1") });
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    next(req, res);
  }

  const listener: RequestListener = (req, res) => {
    const answered = new Promise<void>((resolve) => res.once("close", resolve));
    pending.add(answered);
    void answered.then(() => pending.delete(answered));
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "POST" || !options.endpoints.includes(path)) return next(req, res);
    check(req, res).catch((error: unknown) => {
      log.warn("Slack request could not be read", { err: error });
      if (!res.headersSent) refuse(res, 400, "unreadable", req);
      else res.destroy();
    });
  };

  return {
    listener,
    responded: async () => {
      await Promise.all([...pending]);
    },
    get unanswered() {
      return pending.size;
    },
  };
}

/** Slack's request signature, `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}`, compared in constant time. */
export function signatureMatches(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The whole body, or null as soon as it grows past `limit` (the rest is not read). */
function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}
