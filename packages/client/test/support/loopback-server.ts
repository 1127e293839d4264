/**
 * A real `node:http` server on 127.0.0.1 for integration tests: each test installs a handler, the server
 * records every request it receives, and `close()` ends every socket and timer it holds.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll } from "vitest";

export interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

export interface LoopbackServer {
  origin: string;
  /** `<origin>/client/v4`, so the client's base path is exercised too. */
  baseURL: string;
  hits: Hit[];
  /** Replaces the handler and forgets earlier hits. */
  handle(handler: Handler): void;
  /** A timer that `close()` and `handle()` clear, for slow answers. */
  later(ms: number, fn: () => void): void;
  /** Ends every open connection (keep-alive ones included). */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let handler: Handler = (_req, res) => {
    res.writeHead(500, { "content-type": "text/plain" }).end("no handler installed");
  };
  const clearTimers = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  const server = createServer((req, res) => {
    hits.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, at: Date.now() });
    handler(req, res, hits.length - 1);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("server has no port");
  const origin = `http://127.0.0.1:${address.port}`;
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    origin,
    baseURL: `${origin}/client/v4`,
    hits,
    handle(next) {
      clearTimers();
      hits.length = 0;
      handler = next;
    },
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    },
    dropConnections,
    close() {
      clearTimers();
      dropConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A loopback server for every test of the calling file: started before the first, closed after the last.
 * Its fields are there from the first test on.
 */
export function loopbackServerForFile(): LoopbackServer {
  const server = {} as LoopbackServer;
  beforeAll(async () => {
    Object.assign(server, await startLoopbackServer());
  });
  afterAll(() => server.close?.());
  return server;
}

/** Sends `body` as JSON with `status` and extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...headers,
    })
    .end(text);
}
