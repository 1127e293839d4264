/**
 * What every fault test asserts, in one place: how the call failed (the exact error class), how many
 * attempts reached the wire, how long it took (generous bounds), that the token shows in none of the
 * error's renderings (cause chain included), that the client logged nothing, and that every request it
 * sent validates against spec/openapi.yaml. Servers are real sockets on 127.0.0.1 and close themselves.
 */
import { createServer, type Socket } from "node:net";
import { inspect } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, beforeEach, expect, type MockInstance, vi } from "vitest";
import { createRealtimeKitClient } from "../../src/index.js";
import type { Hit } from "../support/loopback-server.js";
import { checkRequestAgainstSpec } from "../support/openapi-document.js";
import { rejectionOf } from "../support/outcome.js";
import { accountId, apiToken, appId, participantId, peerId, sessionId } from "../support/sample-values.js";

export type Client = ReturnType<typeof createRealtimeKitClient>;
type Options = NonNullable<Parameters<typeof createRealtimeKitClient>[0]>;
type CallOptions = Parameters<Client["sessions"]["getSessionParticipantDetails"]>[2];

export const basePath = "/client/v4";

/**
 * The shortest wait before the first retry when the server names none: 0.5 s less 25% jitter. A call
 * that retried without a hint cannot have been faster than this.
 */
export const firstBackoff = 375;
/** The longest: a wait above this one came from the server's `retry-after`, not from the backoff. */
export const firstBackoffMax = 500;
/** Added to every upper bound: a loaded 2-core machine stalls, and these tests must not flake. */
export const slack = 3_000;

/** A client for fault tests: the real `fetch`, short timeouts, one retry unless a test says otherwise. */
export function faultClient(baseURL: string, options: Options = {}): Client {
  return createRealtimeKitClient({
    apiToken,
    accountId,
    appId,
    baseURL,
    timeout: 2_000,
    maxRetries: 1,
    ...options,
  });
}

export const details = (rtk: Client, options?: CallOptions) =>
  rtk.sessions.getSessionParticipantDetails(
    participantId,
    { session_id: sessionId, filters: ["events", "device_info"], include_peer_events: true },
    options,
  );

export const peerReport = (rtk: Client, options?: CallOptions) =>
  rtk.sessions.getParticipantDataFromPeerId(peerId, { filters: "quality_stats" }, options);

/** Where requests were seen: a loopback server's hits, under its origin. */
export interface Wire {
  origin: string;
  hits: Hit[];
}

export interface Expected {
  /** The exact class of the error: a subclass does not do. */
  error: abstract new (
    ...args: never[]
  ) => Error;
  /** Requests that reached `wire`. */
  attempts: number;
  /** The call cannot have settled sooner (backoffs and timeouts it must have waited). */
  atLeastMs?: number;
  /** Nor later: a generous bound, well under what a wrong wait would take. */
  underMs: number;
}

/**
 * Runs `call`, which must reject, and asserts everything a fault test promises about it; returns the
 * error for the test's own checks.
 */
export async function expectFault<E extends Error>(
  call: () => Promise<unknown>,
  wire: Wire,
  expected: Expected & { error: abstract new (...args: never[]) => E },
): Promise<E> {
  const start = performance.now();
  const error = await rejectionOf(call());
  const elapsed = performance.now() - start;
  expect(error).toBeInstanceOf(expected.error);
  expect((error as Error).constructor, `${(error as Error).name}: ${(error as Error).message}`).toBe(
    expected.error,
  );
  expect(wire.hits, "attempts").toHaveLength(expected.attempts);
  // Timers may fire up to a millisecond early relative to performance.now().
  expect(elapsed, "elapsed ms").toBeGreaterThanOrEqual((expected.atLeastMs ?? 0) - 5);
  expect(elapsed, "elapsed ms").toBeLessThan(expected.underMs);
  expectNoToken(error);
  expectConforming(wire);
  return error as E;
}

/** The error, its `cause` chain and any `errors` of an `AggregateError`, each once. */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && chain.length < 32) {
    const next = queue.shift();
    if (next === undefined || next === null || chain.includes(next)) continue;
    chain.push(next);
    if (typeof next === "object") {
      queue.push((next as { cause?: unknown }).cause);
      const errors = (next as { errors?: unknown }).errors;
      if (next instanceof AggregateError && Array.isArray(errors)) queue.push(...errors);
    }
  }
  return chain;
}

/** Everything a log line or an error tracker makes of an error. */
export function renderings(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  causeChain(error).forEach((link, i) => {
    const e = link as Error;
    const at = i === 0 ? "" : `cause[${i}].`;
    out[`${at}message`] = String(e?.message);
    out[`${at}stack`] = String(e?.stack);
    out[`${at}toString`] = String(e);
    out[`${at}JSON.stringify`] = String(JSON.stringify(e));
    out[`${at}JSON.stringify(own names)`] = String(
      JSON.stringify(e, typeof e === "object" ? Object.getOwnPropertyNames(e) : undefined),
    );
    out[`${at}inspect`] = inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true });
  });
  return out;
}

/** The token is in no rendering of the error or of anything in its cause chain. */
export function expectNoToken(error: unknown): void {
  for (const [name, text] of Object.entries(renderings(error))) {
    expect(text.includes(apiToken), `the token shows in ${name}`).toBe(false);
  }
}

/**
 * Every request seen on `wire` is one the spec allows: a GET matching a path template, each parameter
 * valid against its schema (Ajv), the bearer token of the `api_token` scheme, and no body.
 */
export function expectConforming(wire: Wire, { bearer = true }: { bearer?: boolean } = {}): void {
  for (const hit of wire.hits) {
    const where = `${hit.method} ${hit.url}`;
    expect(checkRequestAgainstSpec(`${wire.origin}${hit.url}`, basePath, hit.method).problems, where).toEqual(
      [],
    );
    if (bearer) expect(hit.headers.authorization, where).toBe(`Bearer ${apiToken}`);
    expect(hit.headers["content-length"] ?? "0", where).toBe("0");
    expect(hit.headers["transfer-encoding"], where).toBeUndefined();
  }
}

/**
 * Fails the test if anything written to the console mentions the token, and records whether the client
 * wrote at all: it has no logging, so each file asserts nothing was written.
 */
export function guardConsole(): { written: () => string[] } {
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  let spies: MockInstance[] = [];
  let written: string[] = [];
  beforeEach(() => {
    written = [];
    spies = methods.map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        written.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg))).join(" "));
      }),
    );
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
    for (const line of written) expect(line.includes(apiToken), "the token was logged").toBe(false);
    expect(written, "the client writes nothing to the console").toEqual([]);
  });
  return { written: () => written };
}

/**
 * A bare TCP server on 127.0.0.1 for faults below HTTP: `onRequest` gets the socket once a request's
 * head has arrived (parsed into a hit), and writes whatever bytes the fault needs.
 */
export interface RawServer extends Wire {
  baseURL: string;
  close(): Promise<void>;
}

export async function startRawServer(
  onRequest: (socket: Socket, head: Buffer, index: number) => void,
): Promise<RawServer> {
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end === -1) return;
      socket.off("data", onData);
      const head = buffered.subarray(0, end + 4);
      const [requestLine = "", ...lines] = head.toString("latin1").trimEnd().split("\r\n");
      const [method = "", url = ""] = requestLine.split(" ");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      hits.push({ method, url, headers, at: Date.now() });
      onRequest(socket, head, hits.length - 1);
    };
    socket.on("data", onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("raw server has no port");
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    baseURL: `${origin}${basePath}`,
    hits,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The client side of the wire: a `fetch` to give the client that records each request it sends, then
 * passes it to the real `fetch`. For faults where no server sees anything (a refused connection).
 */
export function sendingWire(
  origin: string,
): Wire & { fetch: (url: string, init: RequestInit) => Promise<Response> } {
  const hits: Hit[] = [];
  return {
    origin,
    hits,
    fetch: (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      hits.push({
        method: request.method,
        url: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        at: Date.now(),
      });
      return globalThis.fetch(input, init);
    },
  };
}

// Tests run without --expose-gc; V8 hands out `gc` to a new context once the flag is set at run time.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A full garbage collection, twice with a turn of the event loop between, so weak references clear. */
export async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
