import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { authenticationError, defaultErrorBody, gatewayError, realtimeKitError } from "./envelopes.js";
import { Quota, type RateLimitOptions } from "./quota.js";
import { queryRecord, type RecordedRequest, redactHeaders } from "./record.js";
import {
  basePath,
  documentedBody,
  matchRoute,
  methodOf,
  type OperationId,
  type RouteMatch,
} from "./routes.js";
import { type Script, ScriptBook, type ScriptedResponse, type Scripts } from "./script.js";
import { type ValidRequest, validateRequest } from "./validate.js";

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /** Port to listen on; 0 (the default) lets the system pick a free one. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`, so the mock is never reachable from another machine. */
  host?: string;
  /** Scripts to start with, by operationId, as `server.script()` takes them. */
  scripts?: Scripts;
  /** A request quota per token, as Cloudflare keeps one: `{ limit, windowMs }`. Off by default. */
  rateLimit?: RateLimitOptions;
}

/** A running mock server. */
export interface MockServer {
  /** What a client takes as its base URL: `http://127.0.0.1:<port>/client/v4`. */
  readonly baseURL: string;
  /** The port the server listens on. */
  readonly port: number;
  /** Every request received, oldest first, with credentials redacted. */
  readonly requests: RecordedRequest[];
  /** Replaces the script of one operation: a queue of answers or a function of the request. */
  script(operationId: OperationId, script: Script): void;
  /** Removes the script of one operation, or of all, so it answers normally again. */
  clearScripts(operationId?: OperationId): void;
  /** Stops the server: open and hung requests are cut, pending delays cancelled. Resolves when closed. */
  close(): Promise<void>;
}

type HeaderMap = Record<string, string | string[]>;

// RFC 6750: the scheme, then a token; the mock accepts any token, the real API checks it.
const bearer = /^Bearer +\S+$/i;

/** Starts a mock of the RealtimeKit participant and peer-report API on a loopback port. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const scripts = new ScriptBook();
  for (const [operationId, script] of Object.entries(options.scripts ?? {})) {
    if (script !== undefined) scripts.set(operationId as OperationId, script);
  }
  const quota = options.rateLimit && new Quota(options.rateLimit);
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined;

  // Waits before a scripted answer; false when the client or close() ended the request meanwhile.
  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      const onClose = () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.off("close", onClose);
        resolve(!res.destroyed);
      }, ms);
      timers.add(timer);
      res.once("close", onClose);
    });

  const answer = async (
    step: ScriptedResponse,
    res: ServerResponse,
    valid: ValidRequest,
    op: OperationId,
  ) => {
    if (step.delay && !(await wait(step.delay, res))) return;
    if (step.reset) {
      res.destroy();
      return;
    }
    // Left open on purpose; close() destroys the socket, so a hung request cannot outlive the server.
    if (step.hang) return;
    const status = step.status ?? 200;
    const body = step.body !== undefined ? step.body : defaultBody(status, op, valid);
    send(res, status, body, step.headers);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? "GET";
    const { path, query } = parseTarget(req.url ?? "/");
    const match = matchRoute(path);
    const record: RecordedRequest = {
      method,
      path,
      query: queryRecord(query),
      headers: redactHeaders(req.headers),
      operationId: match?.operationId ?? null,
      params: match?.params ?? {},
      time: new Date(),
    };
    requests.push(record);
    const authorization = req.headers.authorization ?? "";
    if (quota && bearer.test(authorization)) {
      const decision = quota.take(authorization);
      for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
      if (decision.refused) return send(res, 429, rateLimited());
    }

    if (!match) return send(res, 404, realtimeKitError(404, `No route for ${method} ${path}`));
    const allowed = methodOf(match.operationId);
    if (method !== allowed) {
      const message = `Method ${method} is not allowed on ${path}; use ${allowed}`;
      return send(res, 405, realtimeKitError(405, message), { allow: allowed });
    }
    // The gateway checks the token before RealtimeKit sees the request, hence its envelope.
    if (!bearer.test(req.headers.authorization ?? "")) return send(res, 401, authenticationError());
    const validation = validateRequest(match, query);
    if (!validation.ok) return send(res, 400, realtimeKitError(400, validation.message));

    const step = await nextStep(scripts, match, record, res);
    if (step === null) return;
    // No scripted step is the empty step: a 200 with the documented example.
    return answer(step ?? {}, res, validation.request, match.operationId);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A scripted header or body Node refuses (e.g. a header with CR/LF) lands here; say so in the answer.
      send(res, 500, realtimeKitError(500, `realtimekit-mock: ${messageOf(error)}`));
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
    requests,
    script: (operationId, script) => scripts.set(operationId, script),
    clearScripts: (operationId) => scripts.clear(operationId),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          afterHandlesClosed().then(resolve, resolve);
        });
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        // server.close() alone waits for keep-alive and hung connections; cut them instead.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

// undefined: no script answer, answer normally; null: the script failed and its 500 was sent.
async function nextStep(
  scripts: ScriptBook,
  match: RouteMatch,
  record: RecordedRequest,
  res: ServerResponse,
): Promise<ScriptedResponse | undefined | null> {
  try {
    return await scripts.next(match.operationId, record);
  } catch (error) {
    const message = `realtimekit-mock: the script for ${match.operationId} failed: ${messageOf(error)}`;
    send(res, 500, realtimeKitError(500, message));
    return null;
  }
}

/**
 * Resolves once libuv has run the close callbacks of handles closed so far: the server's 'close' event
 * comes before that, while the handle still counts as active (process.getActiveResourcesInfo() lists it).
 * Close callbacks run after the check phase, so the second setImmediate is past them.
 */
async function afterHandlesClosed(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
}

function defaultBody(status: number, operationId: OperationId, valid: ValidRequest): unknown {
  // These statuses carry no body by definition.
  if (status === 204 || status === 205 || status === 304) return undefined;
  if (status >= 200 && status < 300)
    return documentedBody(operationId, valid.params, valid.includePeerEvents);
  if (status >= 400) return defaultErrorBody(status);
  return undefined;
}

/** Cloudflare's answer to a token over its quota. */
function rateLimited() {
  return gatewayError(971, "Please wait and consider throttling your request speed");
}

function parseTarget(target: string): { path: string; query: URLSearchParams } {
  try {
    // Prefixing an origin (rather than passing a base) keeps `//x` a path instead of a host.
    const url = new URL(`http://mock${target.startsWith("/") ? "" : "/"}${target}`);
    return { path: url.pathname, query: url.searchParams };
  } catch {
    return { path: target, query: new URLSearchParams() };
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: HeaderMap = {}): void {
  if (res.headersSent || res.destroyed) return;
  // Every Cloudflare answer carries a ray id; clients report it as the request id.
  const all: HeaderMap = { "cf-ray": `${randomBytes(8).toString("hex")}-MOCK` };
  let payload: string | Uint8Array | undefined;
  if (typeof body === "string") {
    payload = body;
    all["content-type"] = "text/plain; charset=utf-8";
  } else if (body instanceof Uint8Array) {
    payload = body;
    all["content-type"] = "application/octet-stream";
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    all["content-type"] = "application/json";
  }
  for (const [name, value] of Object.entries(headers)) all[name.toLowerCase()] = value;
  if (payload !== undefined && all["content-length"] === undefined) {
    all["content-length"] = String(Buffer.byteLength(payload));
  }
  res.writeHead(status, all);
  res.end(payload);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
