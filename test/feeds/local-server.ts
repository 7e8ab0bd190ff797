/** A small HTTP server on 127.0.0.1 for the feed tests: routes by path, and a count of requests per path. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  url(path: string): string;
  routes: Map<string, Route>;
  hits: Map<string, number>;
  /** The request headers last received per path. */
  headers: Map<string, IncomingMessage["headers"]>;
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const headers = new Map<string, IncomingMessage["headers"]>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headers.set(path, req.headers);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    routes,
    hits,
    headers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `body` with an ETag, answering 304 to a request that carries it. */
export function withEtag(body: string, contentType: string, etag: string): Route {
  return (req, res) => {
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": contentType, etag }).end(body);
  };
}

export const html = (body: Uint8Array | string, contentType = "text/html; charset=utf-8"): Route => (_req, res) => {
  res.writeHead(200, { "content-type": contentType }).end(body);
};
