/**
 * Fetching a feed or a page politely and safely: http and https only, a timeout, a size limit, redirects
 * followed by hand (at most `maxRedirects`, a loop refused), conditional requests (ETag, Last-Modified), and
 * no private-network address unless allowed: the address checked is the one connected to (a custom DNS
 * lookup), so a public name that resolves to 10.0.0.1 is refused too.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { HostGate } from "./host-gate.js";
import { isPrivateAddress } from "./private-address.js";

export interface FetchOptions {
  gate: HostGate;
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Conditional request headers. */
  etag?: string | null;
  lastModified?: string | null;
  accept: string;
  userAgent: string;
}

export interface FetchResult {
  status: number;
  /** The URL answered, after redirects. */
  url: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Uint8Array;
}

/** A fetch refused or failed, with a reason fit for a log line. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(reason);
    this.name = "FetchError";
  }
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const blocked = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(new Error(`${hostname} resolves to a private-network address (${blocked.address}): refused`), "", 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

/** One request, no redirect followed. */
function requestOnce(url: URL, options: FetchOptions): Promise<FetchResult & { location: string | null }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { "user-agent": options.userAgent, accept: options.accept, "accept-encoding": "identity" };
    if (options.etag) headers["if-none-match"] = options.etag;
    if (options.lastModified) headers["if-modified-since"] = options.lastModified;
    const req = client.request(url, { method: "GET", headers, lookup: guardedLookup(options.allowPrivate) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = Number(res.headers["content-length"] ?? NaN);
      if (declared > options.maxBytes) {
        req.destroy(new Error(`response of ${declared} bytes is over the ${options.maxBytes}-byte limit: refused`));
        return;
      }
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) req.destroy(new Error(`response over the ${options.maxBytes}-byte limit: refused`));
        else chunks.push(chunk);
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          url: url.href,
          contentType: res.headers["content-type"] ?? null,
          etag: (res.headers.etag as string | undefined) ?? null,
          lastModified: (res.headers["last-modified"] as string | undefined) ?? null,
          location: (res.headers.location as string | undefined) ?? null,
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    });
    req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s: timed out`)));
    req.on("error", reject);
    req.end();
  });
}

function parseHttpUrl(text: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchError(text, `"${text}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError(url.href, `${url.protocol} URLs are not fetched (only http and https)`);
  return url;
}

/** Fetches `target`, following redirects; throws FetchError with the reason when refused or failed. */
export async function fetchUrl(target: string, options: FetchOptions): Promise<FetchResult> {
  let url = parseHttpUrl(target);
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (seen.has(url.href)) throw new FetchError(target, `redirect loop at ${url.href}: refused`);
    seen.add(url.href);
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
      throw new FetchError(target, `${url.host} is a private-network address: refused`);
    }
    await options.gate.wait(url.host);
    let result;
    try {
      result = await requestOnce(url, options);
    } catch (error) {
      throw new FetchError(target, (error as Error).message);
    }
    if ([301, 302, 303, 307, 308].includes(result.status) && result.location) {
      if (hop >= options.maxRedirects) throw new FetchError(target, `more than ${options.maxRedirects} redirects: refused`);
      url = parseHttpUrl(result.location, url.href);
      continue;
    }
    return result;
  }
}
