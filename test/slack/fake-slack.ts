/**
 * A small fake of Slack on 127.0.0.1 for end-to-end tests of the Bolt app:
 * - the Web API at `${url}/api/<method>` (auth.test, chat.postMessage, chat.postEphemeral, apps.connections.open),
 *   answering `ok: true` unless a test overrides a method;
 * - response_url targets at `${url}/respond/<id>`, recording what the app posts (a test can make one fail);
 * - the Socket Mode WebSocket at `ws://…/socket`: says hello, delivers envelopes, collects their acknowledgements;
 * - `signedPost` / `slashCommandBody` / `blockActionsBody`: what Slack itself would send to the app over HTTP.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { slackRefusal } from "./slack-payload-rules.js";

export interface Recorded {
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

type Waiter = { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void };

export class FakeSlack {
  /** Web API calls, by method name. */
  readonly calls: Array<Recorded & { method: string }> = [];
  /** Posts to response_urls. */
  readonly responses: Array<Recorded & { id: string }> = [];
  /** Messages Slack would refuse (Web API calls and response_url posts), with the error it would give. */
  readonly refused: Array<Recorded & { error: string }> = [];
  /** Envelope acknowledgements received over the socket. */
  readonly acks: Array<Record<string, unknown>> = [];
  private readonly apiOverrides = new Map<string, (body: Record<string, unknown>) => FakeAnswer>();
  private readonly responseStatus = new Map<string, number>();
  private waiters: Waiter[] = [];
  private ackWaiters = new Map<string, (ack: Record<string, unknown>) => void>();
  private readonly sockets = new Set<Socket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private client: WebSocket | null = null;
  private connectedWaiters: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    server.on("request", (req, res) => void fake.handle(req, res));
    server.on("connection", (socket) => {
      fake.sockets.add(socket);
      socket.on("close", () => fake.sockets.delete(socket));
    });
    server.on("upgrade", (req, socket, head) => {
      if (req.url !== "/socket") return socket.destroy();
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.accept(ws));
    });
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** Makes a Web API method answer differently (e.g. `{ ok: false, error: "not_in_channel" }`, or a 429). */
  onApi(method: string, answer: ((body: Record<string, unknown>) => FakeAnswer) | null): void {
    if (answer) this.apiOverrides.set(method, answer);
    else this.apiOverrides.delete(method);
  }

  /** Makes a response_url answer with an HTTP status, e.g. 404 for an expired one. */
  failResponseUrl(id: string, status: number): void {
    this.responseStatus.set(id, status);
  }

  callsTo(method: string): Array<Recorded & { method: string }> {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first recorded request (already seen or still to come) that matches. */
  waitFor(match: (r: Recorded & Partial<{ method: string; id: string }>) => boolean, timeoutMs = 10_000): Promise<Recorded> {
    const seen = [...this.calls, ...this.responses].find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error("fake Slack: the expected request never came"));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.waiters.push(waiter);
    });
  }

  waitForResponse(id: string): Promise<Recorded> {
    return this.waitFor((r) => (r as { id?: string }).id === id);
  }

  waitForCall(method: string, match: (r: Recorded) => boolean = () => true): Promise<Recorded> {
    return this.waitFor((r) => (r as { method?: string }).method === method && match(r));
  }

  /** Resolves once the Socket Mode client has connected (and been sent hello). */
  socketConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /** Sends a Socket Mode envelope and resolves with the app's acknowledgement of it. */
  sendEnvelope(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const client = this.client;
    if (!client) return Promise.reject(new Error("fake Slack: no Socket Mode client connected"));
    const envelopeId = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve) => this.ackWaiters.set(envelopeId, resolve));
    client.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== "events_api" }));
    return acked;
  }

  get socketOpen(): boolean {
    return this.client !== null;
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private accept(ws: WebSocket): void {
    this.client = ws;
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      this.acks.push(message);
      const id = String(message.envelope_id);
      this.ackWaiters.get(id)?.(message);
      this.ackWaiters.delete(id);
    });
    ws.on("close", () => {
      if (this.client === ws) this.client = null;
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0FAKE" } }));
    for (const resolve of this.connectedWaiters.splice(0)) resolve();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", this.url).pathname;
    const body = parseBody(raw, String(req.headers["content-type"] ?? ""));
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (api) {
      const method = api[1]!;
      const recorded = { path, headers: req.headers, body, method };
      this.calls.push(recorded);
      const refusal = this.apiOverrides.has(method) ? null : refusedMessage(method, body);
      if (refusal) this.refused.push({ ...recorded, error: String((refusal.body as { error: string }).error) });
      const answer = this.apiOverrides.get(method)?.(body) ?? refusal ?? defaultAnswer(method, body, this.url);
      send(res, answer);
      this.notify(recorded);
      return;
    }
    const respond = /^\/respond\/([\w-]+)$/.exec(path);
    if (respond) {
      const id = respond[1]!;
      const refusal = slackRefusal(body);
      const status = this.responseStatus.get(id) ?? (refusal ? 400 : 200);
      const recorded = { path, headers: req.headers, body, id };
      // A refused message is not recorded as delivered: Slack shows nothing.
      if (!refusal) this.responses.push(recorded);
      else this.refused.push({ ...recorded, error: refusal });
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 200 ? "ok" : status === 404 ? "expired_url" : (refusal ?? "error"));
      this.notify(recorded);
      return;
    }
    res.writeHead(404).end();
  }

  private notify(recorded: Recorded): void {
    const matched = this.waiters.filter((w) => w.match(recorded));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(recorded);
  }
}

/** chat.postMessage / chat.postEphemeral / chat.update with a payload Slack refuses: its error answer. */
function refusedMessage(method: string, body: Record<string, unknown>): FakeAnswer | null {
  if (!/^chat\.(postMessage|postEphemeral|update)$/.test(method)) return null;
  const error = slackRefusal(body);
  return error ? { body: { ok: false, error } } : null;
}

function defaultAnswer(method: string, body: Record<string, unknown>, url: string): FakeAnswer {
  switch (method) {
    case "auth.test":
      return { body: { ok: true, url: "https://newsroom.slack.com/", team: "Newsroom", user: "dateline", team_id: "T0FAKE", user_id: "U0BOT", bot_id: "B0BOT" } };
    case "apps.connections.open":
      return { body: { ok: true, url: `${url.replace("http://", "ws://")}/socket` } };
    case "chat.postMessage":
      return { body: { ok: true, channel: body.channel, ts: "1700000000.000100", message: { text: body.text } } };
    case "chat.postEphemeral":
      return { body: { ok: true, message_ts: "1700000000.000200" } };
    default:
      return { body: { ok: false, error: "unknown_method" } };
  }
}

function send(res: ServerResponse, answer: FakeAnswer): void {
  res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Form bodies (the Web API client) with JSON-valued fields such as `blocks` decoded; JSON bodies (respond()). */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// ---- What Slack sends to the app -------------------------------------------------------------------------------

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** POSTs a form body to the app as Slack would, signed with `secret` (or unsigned when secret is null). */
export async function signedPost(
  url: string,
  body: string,
  secret: string | null,
  options: { timestamp?: number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...options.headers };
  if (secret !== null) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = sign(secret, timestamp, body);
  }
  return fetch(url, { method: "POST", headers, body });
}

/**
 * A signed POST sent in two steps: its headers (with `Expect: 100-continue`, so that `received` settles once the
 * app has the request in hand), then, on `finish()`, its body; `finish` resolves with the HTTP status.
 */
export function heldSignedPost(url: string, body: string, secret: string): { received: Promise<void>; finish(): Promise<number> } {
  const timestamp = Math.floor(Date.now() / 1000);
  const target = new URL(url);
  let onContinue = () => {};
  const received = new Promise<void>((resolve) => (onContinue = resolve));
  let status: Promise<number> = Promise.resolve(0);
  const req = request({
    host: target.hostname,
    port: target.port,
    path: target.pathname,
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
      expect: "100-continue",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(secret, timestamp, body),
    },
  });
  status = new Promise((resolve, reject) => {
    req.once("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("error", reject);
  });
  req.once("continue", onContinue);
  req.flushHeaders();
  return {
    received,
    finish: () => {
      req.end(body);
      return status;
    },
  };
}

export interface SlashCommand {
  command: string;
  text: string;
  responseUrl: string;
  user?: string;
  userName?: string;
  channel?: string;
}

export function slashCommandPayload(c: SlashCommand): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: "T0FAKE",
    team_domain: "newsroom",
    channel_id: c.channel ?? "C0DESK",
    channel_name: "desk",
    user_id: c.user ?? "U0ASKER",
    user_name: c.userName ?? "asker",
    command: c.command,
    text: c.text,
    api_app_id: "A0FAKE",
    is_enterprise_install: "false",
    response_url: c.responseUrl,
    trigger_id: triggerId(),
  };
}

export function slashCommandBody(c: SlashCommand): string {
  return new URLSearchParams(slashCommandPayload(c)).toString();
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  user?: string;
  channel?: string;
}

export function blockActionsPayload(click: ButtonClick): Record<string, unknown> {
  const user = click.user ?? "U0CLICKER";
  const channel = click.channel ?? "C0DESK";
  return {
    type: "block_actions",
    user: { id: user, username: "clicker", name: "clicker", team_id: "T0FAKE" },
    api_app_id: "A0FAKE",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1700000000.000300", channel_id: channel, is_ephemeral: true },
    trigger_id: triggerId(),
    team: { id: "T0FAKE", domain: "newsroom" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: "desk" },
    response_url: click.responseUrl,
    actions: [
      {
        action_id: click.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "button" },
        value: click.value,
        type: "button",
        action_ts: "1700000000.000400",
      },
    ],
  };
}

/** Slack gives every command and click its own trigger id: no two requests it sends have the same body. */
function triggerId(): string {
  return `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString("hex")}`;
}

export function blockActionsBody(click: ButtonClick): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(click)) }).toString();
}
