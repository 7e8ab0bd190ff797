/**
 * A small fake of Discord on 127.0.0.1: the REST routes Dateline uses and a gateway WebSocket (HELLO, IDENTIFY,
 * READY + GUILD_CREATE, HEARTBEAT/ACK, INTERACTION_CREATE). It records every request and keeps the messages it
 * was asked to create, so tests can assert on what a person would have seen.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { commandsRefusal, discordRefusal, interactionCallbackRefusal, type DiscordRefusal } from "./discord-payload-rules.js";

export const TOKEN = "test-bot-token";
export const APP_ID = "1100000000000000001";
export const BOT_ID = "1100000000000000002";
export const GUILD_ID = "1100000000000000003";
export const CHANNEL_ID = "1100000000000000004";
export const USER = { id: "1100000000000000005", username: "reporter", global_name: "Rita Reporter" };

const EPHEMERAL = 64;
const LOADING = 128;

export interface Captured {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/tok/callback`. */
  route: string;
  query: URLSearchParams;
  auth: string | undefined;
  // Request bodies are whatever discord.js sent; tests read them field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  embeds: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  components: any[];
  flags: number;
  /** Not Discord's: which interaction token created it ("" for plain channel messages), and whether it is gone. */
  token: string;
  deleted: boolean;
}

interface Failure {
  method: string;
  route: RegExp;
  status: number;
  body: { code: number; message: string };
}

export interface InteractionOption {
  name: string;
  value: string;
  focused?: boolean;
}

export class FakeDiscord {
  readonly requests: Captured[] = [];
  /** Requests ("PATCH /webhooks/…") and gateway disconnects ("gateway closed"), in the order they happened. */
  readonly timeline: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly identifies: any[] = [];
  heartbeats = 0;
  /** RESUME attempts (op 6): a client resumes when a heartbeat went unacknowledged or the socket dropped. */
  resumes = 0;
  /** Every message created, in order. */
  readonly messages: FakeMessage[] = [];
  /** Requests Discord would refuse, with the refusal it would answer (400, code 50035 or 50006). */
  readonly refused: Array<Captured & { refusal: DiscordRefusal }> = [];
  /** Channels where posting fails with 50001 Missing Access. */
  readonly forbiddenChannels = new Set<string>();
  private readonly failures: Failure[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters = new Set<() => void>();
  private nextId = 1200000000000000000n;
  private seq = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly wss: WebSocketServer,
    readonly heartbeatInterval: number,
  ) {}

  static async start(options: { heartbeatInterval?: number } = {}): Promise<FakeDiscord> {
    const server = http.createServer();
    const wss = new WebSocketServer({ server, path: "/gateway" });
    const fake = new FakeDiscord(server, wss, options.heartbeatInterval ?? 41_250);
    server.on("request", (req, res) => void fake.onRequest(req, res));
    wss.on("connection", (socket) => fake.onSocket(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Makes the next matching request fail with a Discord error. */
  failNext(method: string, route: RegExp, status: number, code: number, message: string): void {
    this.failures.push({ method, route, status, body: { code, message } });
  }

  /** Resolves when `check` returns a value (re-checked after every request and gateway message). */
  async waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(poll);
        reject(new Error(`fake discord: timed out waiting for ${what}`));
      }, timeoutMs);
      const poll = () => {
        const value = check();
        if (!value) return;
        clearTimeout(timer);
        this.waiters.delete(poll);
        resolve(value);
      };
      this.waiters.add(poll);
    });
  }

  requestsFor(token: string): Captured[] {
    return this.requests.filter((r) => r.route.includes(`/${token}`));
  }

  /** The messages an interaction produced, in order (its original response first, when there is one). */
  messagesFor(token: string): FakeMessage[] {
    return this.messages.filter((m) => m.token === token);
  }

  /** Sends a chat-input command; resolves to the interaction token. */
  command(name: string, options: InteractionOption[], user = USER): string {
    return this.interaction(2, { id: this.snowflake(), name, type: 1, options: stringOptions(options) }, user);
  }

  autocomplete(name: string, options: InteractionOption[], user = USER): string {
    return this.interaction(4, { id: this.snowflake(), name, type: 1, options: stringOptions(options) }, user);
  }

  click(message: FakeMessage, customId: string, user = USER): string {
    return this.interaction(3, { custom_id: customId, component_type: 2 }, user, message);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- gateway ---

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on("close", () => {
      this.sockets.delete(socket);
      this.timeline.push("gateway closed");
      this.notify();
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatInterval }, s: null, t: null }));
    socket.on("message", (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (payload.op === 1) {
        this.heartbeats++;
        socket.send(JSON.stringify({ op: 11 }));
      } else if (payload.op === 2) {
        this.identifies.push(payload.d);
        this.dispatch(socket, "READY", {
          v: 10,
          user: this.botUser(),
          guilds: [{ id: GUILD_ID, unavailable: true }],
          session_id: `session-${this.identifies.length}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: [0, 1],
          application: { id: APP_ID, flags: 0 },
        });
        this.dispatch(socket, "GUILD_CREATE", guild());
      } else if (payload.op === 6) {
        this.resumes++;
        // No resuming here: the client identifies afresh.
        socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      }
      this.notify();
    });
  }

  private dispatch(socket: WebSocket, t: string, d: unknown): void {
    socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private interaction(type: number, data: unknown, user: typeof USER, message?: FakeMessage): string {
    const id = this.snowflake();
    const token = `tok_${id}`;
    const d: Record<string, unknown> = {
      id,
      application_id: APP_ID,
      type,
      token,
      version: 1,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "newsroom" },
      member: {
        user: { ...user, discriminator: "0", avatar: null },
        roles: [],
        joined_at: "2024-01-01T00:00:00.000Z",
        deaf: false,
        mute: false,
        flags: 0,
        permissions: "2147483647",
      },
      app_permissions: "2147483647",
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": GUILD_ID },
      context: 0,
      data,
    };
    if (message) d.message = this.apiMessage(message);
    const socket = [...this.sockets][0];
    if (!socket) throw new Error("fake discord: no gateway connection");
    this.dispatch(socket, "INTERACTION_CREATE", d);
    return token;
  }

  // --- REST ---

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    const captured: Captured = {
      method,
      route,
      query: url.searchParams,
      auth: req.headers.authorization,
      body: text ? JSON.parse(text) : undefined,
    };
    this.requests.push(captured);
    this.timeline.push(`${method} ${route}`);
    try {
      const failure = this.failures.findIndex((f) => f.method === method && f.route.test(route));
      if (failure >= 0) {
        const [f] = this.failures.splice(failure, 1);
        return send(res, f!.status, f!.body);
      }
      return this.route(captured, res);
    } finally {
      this.notify();
    }
  }

  private route(r: Captured, res: http.ServerResponse): void {
    const authed = r.auth === `Bot ${TOKEN}`;
    let m: RegExpExecArray | null;
    if (r.method === "GET" && r.route === "/gateway/bot") {
      if (!authed) return send(res, 401, { code: 0, message: "401: Unauthorized" });
      return send(res, 200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    const refusal = this.refusalOf(r);
    if (refusal) {
      this.refused.push({ ...r, refusal });
      return send(res, 400, { code: refusal.code, message: refusal.message, errors: refusal.problems });
    }
    if (r.method === "POST" && (m = /^\/interactions\/(\d+)\/([\w-]+)\/callback$/.exec(r.route))) {
      const token = m[2]!;
      const type = r.body?.type as number;
      if (type === 5) this.create(token, CHANNEL_ID, { content: "", flags: (r.body.data?.flags ?? 0) | LOADING });
      if (type === 4) this.create(token, CHANNEL_ID, r.body.data ?? {});
      res.writeHead(204).end();
      return;
    }
    if ((m = /^\/webhooks\/(\d+)\/([\w-]+)\/messages\/@original$/.exec(r.route))) {
      const original = this.messagesFor(m[2]!)[0];
      if (!original || original.deleted) return send(res, 404, { code: 10008, message: "Unknown Message" });
      if (r.method === "PATCH") {
        Object.assign(original, pick(r.body), { flags: original.flags & ~LOADING });
        return send(res, 200, this.apiMessage(original));
      }
      if (r.method === "DELETE") {
        original.deleted = true;
        res.writeHead(204).end();
        return;
      }
    }
    if (r.method === "POST" && (m = /^\/webhooks\/(\d+)\/([\w-]+)$/.exec(r.route))) {
      const message = this.create(m[2]!, CHANNEL_ID, r.body);
      return send(res, 200, this.apiMessage(message));
    }
    if (r.method === "POST" && (m = /^\/channels\/(\d+)\/messages$/.exec(r.route))) {
      if (!authed) return send(res, 401, { code: 0, message: "401: Unauthorized" });
      if (this.forbiddenChannels.has(m[1]!)) return send(res, 403, { code: 50001, message: "Missing Access" });
      const message = this.create("", m[1]!, r.body);
      return send(res, 200, this.apiMessage(message));
    }
    if (r.method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(r.route)) {
      if (!authed) return send(res, 401, { code: 0, message: "401: Unauthorized" });
      const body = r.body as Array<Record<string, unknown>>;
      return send(res, 200, body.map((c) => ({ ...c, id: this.snowflake(), application_id: APP_ID, version: "1" })));
    }
    return send(res, 404, { code: 0, message: "404: Not Found" });
  }

  /** Discord's refusal of a message this request sends or edits (see discord-payload-rules.ts), or null. */
  private refusalOf(r: Captured): DiscordRefusal | null {
    if (r.method === "POST" && /^\/interactions\/\d+\/[\w-]+\/callback$/.test(r.route)) return interactionCallbackRefusal(r.body);
    if (r.method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(r.route)) return commandsRefusal(r.body);
    if (r.method === "PATCH" && /^\/webhooks\/\d+\/[\w-]+\/messages\/[\w@]+$/.test(r.route)) return discordRefusal(r.body, true);
    if (r.method === "POST" && (/^\/webhooks\/\d+\/[\w-]+$/.test(r.route) || /^\/channels\/\d+\/messages$/.test(r.route))) return discordRefusal(r.body);
    return null;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private create(token: string, channel: string, body: any): FakeMessage {
    const message: FakeMessage = {
      id: this.snowflake(),
      channel_id: channel,
      content: "",
      embeds: [],
      components: [],
      flags: 0,
      ...pick(body),
      token,
      deleted: false,
    };
    this.messages.push(message);
    return message;
  }

  private apiMessage(m: FakeMessage): Record<string, unknown> {
    return {
      id: m.id,
      type: m.token ? 20 : 0,
      channel_id: m.channel_id,
      author: this.botUser(),
      content: m.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: m.embeds,
      components: m.components,
      pinned: false,
      flags: m.flags,
      application_id: APP_ID,
      webhook_id: m.token ? APP_ID : undefined,
    };
  }

  private botUser() {
    return { id: BOT_ID, username: "Dateline", discriminator: "0", global_name: null, avatar: null, bot: true, flags: 0 };
  }

  private snowflake(): string {
    return String(this.nextId++);
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function pick(body: any): Partial<FakeMessage> {
  const out: Partial<FakeMessage> = {};
  if (!body) return out;
  if (typeof body.content === "string") out.content = body.content;
  if (Array.isArray(body.embeds)) out.embeds = body.embeds;
  if (Array.isArray(body.components)) out.components = body.components;
  if (typeof body.flags === "number") out.flags = body.flags;
  return out;
}

export function isEphemeral(m: FakeMessage): boolean {
  return (m.flags & EPHEMERAL) !== 0;
}

function stringOptions(options: InteractionOption[]) {
  return options.map((o) => ({ name: o.name, type: 3, value: o.value, ...(o.focused ? { focused: true } : {}) }));
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function guild() {
  return {
    id: GUILD_ID,
    name: "Newsroom",
    icon: null,
    owner_id: USER.id,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    nsfw_level: 0,
    preferred_locale: "en-US",
    premium_progress_bar_enabled: false,
    features: [],
    roles: [
      { id: GUILD_ID, name: "@everyone", permissions: "0", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
    ],
    emojis: [],
    stickers: [],
    channels: [{ id: CHANNEL_ID, type: 0, name: "newsroom", position: 0, permission_overwrites: [], guild_id: GUILD_ID }],
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: "2024-01-01T00:00:00.000Z",
  };
}
