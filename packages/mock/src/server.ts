import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { buildMockCore, controlsOf, type MockControls, type MockOptions } from "./handler.js";
import { basePath } from "./routes.js";

/** Options of `startMockServer`. */
export interface MockServerOptions extends MockOptions {
  /** Port to listen on; 0 (the default) lets the system pick a free one. */
  port?: number | undefined;
  /** Address to listen on. Default `127.0.0.1`, so the mock is never reachable from another machine. */
  host?: string | undefined;
}

/** A running mock server. */
export interface MockServer extends MockControls {
  /** What a client takes as its base URL: `http://127.0.0.1:<port>/client/v4`. */
  readonly baseURL: string;
  /** The port the server listens on. */
  readonly port: number;
  /**
   * Stops listening, cuts open connections (hung and delayed requests included) and resolves once the
   * server's handles are closed. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/**
 * Starts a mock of the RealtimeKit participant and peer-report API on a loopback port: the core of
 * `createMockFetch` behind a `node:http` server. Rejects with Node's listen error (`EADDRINUSE`, …), and
 * with a `TypeError` for a mistake in `options`.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const core = buildMockCore(options, "startMockServer", ["port", "host"]);
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<Socket>();
  let closing: Promise<void> | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Aborted when the client goes away or close() cuts the socket: ends a delay or a hang in the core.
    const controller = new AbortController();
    res.once("close", () => controller.abort());
    let response: Response;
    try {
      response = await core.handle({
        method: req.method ?? "GET",
        target: req.url ?? "/",
        headers: req.headers,
        signal: controller.signal,
      });
    } catch {
      // A scripted reset, or a request whose client left (or the server closed) while it waited.
      res.destroy();
      return;
    }
    if (res.destroyed) return;
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headers["set-cookie"] = cookies;
    const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
    res.writeHead(response.status, headers);
    res.end(body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.destroy();
    });
  });
  server.on("connection", (socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      afterHandlesClosed().then(() => reject(error), reject);
    };
    server.once("error", onError);
    server.listen({ port: options.port ?? 0, host }, () => {
      server.off("error", onError);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const hostInURL = host.includes(":") ? `[${host}]` : host;
  return {
    baseURL: `http://${hostInURL}:${port}${basePath}`,
    port,
    ...controlsOf(core),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          afterHandlesClosed().then(resolve, resolve);
        });
        core.close();
        // server.close() alone waits for keep-alive and hung connections; cut them instead.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/**
 * Resolves once libuv has run the close callbacks of handles closed so far: the server's 'close' event
 * comes before that, while the handle still counts as active (process.getActiveResourcesInfo() lists it).
 * Close callbacks run after the check phase, so the second setImmediate is past them.
 */
async function afterHandlesClosed(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
}
