import {
  type CredentialCheck,
  checkCredentials,
  checkCredentialsOption,
  type MockCredential,
} from "./credentials.js";
import { participantBody, peerReportBody } from "./data/bodies.js";
import { cloudflareTypesPeerReport } from "./data/cloudflare-types.js";
import { authenticationError, defaultErrorBody, gatewayError, realtimeKitError } from "./envelopes.js";
import { deepMerge, type Fixture, FixtureStore, fixtureKey } from "./fixtures.js";
import { checkKnownKeys } from "./known-keys.js";
import { Quota, type QuotaDecision, type RateLimitOptions } from "./quota.js";
import { queryRecord, type RecordedRequest, redactHeaders } from "./record.js";
import { basePath, documentedBody, type Json, matchRoute, methodOf, type OperationId } from "./routes.js";
import { type Script, ScriptBook, type ScriptedResponse, type Scripts } from "./script.js";
import { type ValidRequest, validateRequest } from "./validate.js";

/** Options every way of running the mock takes. */
export interface MockOptions {
  /** Scripts to start with, by operationId, as `script()` takes them. */
  scripts?: Scripts | undefined;
  /**
   * What a 200 carries: `"generated"` (default), realistic data made from the path's ids and `seed`;
   * `"documented"`, the spec's documented examples with the path's ids echoed; `"cloudflare-types"`, the
   * generated data in the shape Cloudflare's published SDK types describe rather than the spec's: the peer
   * report's peer under `data.participant`, with `role` for `preset_name`. For testing code against the API
   * drifting that way; the client's drift report names each moved field.
   */
  data?: "generated" | "documented" | "cloudflare-types" | undefined;
  /**
   * The credentials the gateway accepts, as Cloudflare's SDK sends them: tokens (`Authorization: Bearer`),
   * `{ token }`, or `{ email, key }` (`X-Auth-Email` and `X-Auth-Key`); `permitted: false` marks one that
   * lacks the Realtime permission, answered 403. Any other credential gets 401. Default: any well-formed
   * token or key pair. Missing, empty, `undefined` and `null` credentials get 401 either way.
   */
  credentials?: readonly MockCredential[] | undefined;
  /** The seed of generated data: the same seed and path ids give the same body, byte for byte. Default `"realtimekit"`. */
  seed?: string | number | undefined;
  /**
   * An id no fixture was set for: `"generate"` (default) answers it like any other; `"404"` answers
   * RealtimeKit's 404, so a test can demand that only the ids it set exist.
   */
  unknownIds?: "generate" | "404" | undefined;
  /**
   * A request quota per token, as Cloudflare keeps one: `{ limit, windowMs, headers? }`. Every answer
   * states it; over it, a 429 until the window ends. Off by default.
   */
  rateLimit?: RateLimitOptions | undefined;
}

/** Fixtures of the participant-details operation, by session and participant id. */
export interface ParticipantFixtures {
  /**
   * Pins fields of `data.participant` for these ids, deep-merged over the generated (or documented) answer;
   * e.g. `{ display_name: "Ada Lovelace", duration: 42 }`. Replaces an earlier fixture for the same ids.
   * Its `peer_events` appear only when the request has `include_peer_events=true`, as the spec's do.
   * Both ids are UUIDs and match in either case. Throws a `TypeError` when an id is not a UUID or
   * `partial` is not an object.
   */
  set(sessionId: string, participantId: string, partial: Fixture): void;
  /** Removes the fixture of these ids (in either case); true if there was one. Throws a `TypeError` for a non-UUID id. */
  delete(sessionId: string, participantId: string): boolean;
  /** Removes every participant fixture. */
  clear(): void;
}

/** Fixtures of the peer-report operation, by peer id. */
export interface PeerFixtures {
  /**
   * Pins fields of `data` for this peer, deep-merged over the generated (or documented) answer; e.g.
   * `{ peer_report: { quality: { audio_producer: [] } } }`. `peerId` is a UUID and matches in either case.
   * Throws a `TypeError` when `peerId` is not a UUID or `partial` is not an object.
   */
  set(peerId: string, partial: Fixture): void;
  /** Removes the fixture of this peer (in either case); true if there was one. Throws a `TypeError` for a non-UUID id. */
  delete(peerId: string): boolean;
  /** Removes every peer fixture. */
  clear(): void;
}

/** What every adapter exposes: the recorded requests, scripts and fixtures. */
export interface MockControls {
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  /** Replaces the script of an operation; throws a `TypeError` at once for a mistake in it. */
  script(operationId: OperationId, script: Script): void;
  /** Removes the script of one operation, or of every operation. */
  clearScripts(operationId?: OperationId): void;
  /** Fixtures for participant details. */
  readonly participants: ParticipantFixtures;
  /** Fixtures for peer reports. */
  readonly peers: PeerFixtures;
}

/** A request as an adapter hands it to the core: the parts the mock reads, in plain form. */
export interface IncomingCall {
  method: string;
  /** The path and query as received, e.g. `/client/v4/accounts/…?filters=events`. */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  /** Aborted when the client gives up (its timeout, a closed socket); ends a delay or a hang. */
  signal?: AbortSignal | undefined;
}

/**
 * Thrown (as the rejection of `handle`) for a scripted `reset`: the core cannot drop a connection it
 * does not own, so each adapter turns this into its runtime's network failure.
 */
export class MockConnectionReset extends Error {
  constructor() {
    super("realtimekit-mock: connection reset by the script");
    this.name = "MockConnectionReset";
  }
}

/** The rejection of a delayed or hung request that `close()` ended: a `TypeError`, as a dropped connection gives. */
export class MockClosedError extends TypeError {
  constructor() {
    super("realtimekit-mock: closed while the request was pending");
    this.name = "MockClosedError";
  }
}

/** The mock's core: a Fetch-API handler with no Node built-in, which every adapter wraps. */
export interface MockCore extends MockControls {
  /**
   * Answers one request as the API would. Rejects with `MockConnectionReset` for a scripted `reset`,
   * with the request signal's reason when the client aborts a delayed or hung answer, and with a
   * `TypeError` when `close()` ends it.
   */
  fetch(request: Request): Promise<Response>;
  /** `fetch` for an adapter that has the request's parts rather than a `Request`. */
  handle(call: IncomingCall): Promise<Response>;
  /** Ends every pending delay and hang (they reject with a `TypeError`); later requests still answer. */
  close(): void;
}

/**
 * One check every routed, authenticated, valid request passes before its script: an answer refuses the
 * request (e.g. a 429 for a quota), `undefined` lets it through. The place for per-request policies.
 */
type RequestPolicy = (request: RecordedRequest) => ScriptedResponse | undefined;

/** The keys of `MockOptions`, which every runner takes. */
const mockOptionKeys = ["data", "seed", "unknownIds", "scripts", "rateLimit", "credentials"] as const;

/**
 * Builds the mock's core. Throws a `TypeError` for a mistake in `options` (a bad script, an unknown `data`,
 * a key it does not take).
 */
export function createMockCore(options: MockOptions = {}): MockCore {
  return buildMockCore(options, "createMockCore", []);
}

/**
 * The core of a runner: `options` are checked as `runner` takes them (the common ones and `runnerKeys`),
 * so a misspelt option fails in the call that made it. `basePathOf` is where the runner answers.
 */
export function buildMockCore(
  options: MockOptions,
  runner: string,
  runnerKeys: readonly string[],
  basePathOf: string = basePath,
): MockCore {
  checkKnownKeys(options, [...mockOptionKeys, ...runnerKeys], "option", runner);
  checkOptions(options);
  const base = basePathOf;
  const seed = options.seed ?? "realtimekit";
  const scripts = new ScriptBook();
  for (const [operationId, script] of Object.entries(options.scripts ?? {})) {
    if (script !== undefined) scripts.set(operationId as OperationId, script);
  }
  const participantFixtures = new FixtureStore();
  const peerFixtures = new FixtureStore();
  const policies: RequestPolicy[] = [];
  const requests: RecordedRequest[] = [];
  const pending = new Set<() => void>();
  // Bumped by close(): a request that arrived before it, but reaches its delay or hang only after it,
  // ends too.
  let generation = 0;

  // Resolves "done" after `ms`, or at once when the client aborts or close() runs (or ran since `born`).
  const wait = (
    ms: number,
    signal: AbortSignal | undefined,
    born: number,
  ): Promise<"done" | "aborted" | "closed"> =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve("aborted");
      if (born !== generation) return resolve("closed");
      const finish = (outcome: "done" | "aborted" | "closed") => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        pending.delete(onClose);
        resolve(outcome);
      };
      const onAbort = () => finish("aborted");
      const onClose = () => finish("closed");
      const timer = Number.isFinite(ms) ? setTimeout(() => finish("done"), ms) : undefined;
      signal?.addEventListener("abort", onAbort, { once: true });
      pending.add(onClose);
    });

  const interrupted = (outcome: "aborted" | "closed", signal: AbortSignal | undefined): unknown =>
    outcome === "aborted"
      ? (signal?.reason ?? new DOMException("The operation was aborted.", "AbortError"))
      : new MockClosedError();

  const successBody = (operationId: OperationId, valid: ValidRequest): Json => {
    const p = valid.params;
    if (operationId === "getSessionParticipantDetails") {
      const fixture = participantFixtures.get(
        fixtureKey({ sessionId: p.session_id, participantId: p.participant_id }),
      );
      const body =
        options.data === "documented"
          ? documentedBody(operationId, p, valid.includePeerEvents)
          : participantBody(seed, p, valid.includePeerEvents);
      if (!fixture) return body;
      const participant = (body as { data: { participant: Json } }).data.participant;
      // The spec includes peer_events only when asked; a fixture's must not appear otherwise.
      const { peer_events, ...unasked } = fixture;
      const pinned = valid.includePeerEvents ? fixture : unasked;
      return { ...(body as object), data: { participant: deepMerge(participant, pinned) } } as Json;
    }
    const fixture = peerFixtures.get(fixtureKey({ peerId: p.peer_id }));
    const body =
      options.data === "documented" ? documentedBody(operationId, p, false) : peerReportBody(seed, p);
    const pinned = fixture
      ? ({ ...(body as object), data: deepMerge((body as { data: Json }).data, fixture) } as Json)
      : body;
    // Fixtures are written in the spec's shape, and moved with the rest.
    return options.data === "cloudflare-types" ? cloudflareTypesPeerReport(pinned) : pinned;
  };

  // With unknownIds "404", only the ids a test set exist.
  const unknownId = (operationId: OperationId, p: Record<string, string>): ScriptedResponse | undefined => {
    if (options.unknownIds !== "404") return undefined;
    if (operationId === "getSessionParticipantDetails") {
      if (participantFixtures.has(fixtureKey({ sessionId: p.session_id, participantId: p.participant_id })))
        return undefined;
      return { status: 404, body: realtimeKitError(404, "Participant not found") };
    }
    if (peerFixtures.has(fixtureKey({ peerId: p.peer_id }))) return undefined;
    return { status: 404, body: realtimeKitError(404, "Peer not found") };
  };

  const answer = async (
    step: ScriptedResponse,
    call: IncomingCall,
    operationId: OperationId,
    valid: ValidRequest,
    born: number,
  ): Promise<Response> => {
    if (step.delay) {
      const outcome = await wait(step.delay, call.signal, born);
      if (outcome !== "done") throw interrupted(outcome, call.signal);
    }
    if (step.reset) throw new MockConnectionReset();
    if (step.hang) {
      const outcome = await wait(Number.POSITIVE_INFINITY, call.signal, born);
      throw interrupted(outcome === "done" ? "closed" : outcome, call.signal);
    }
    const status = step.status ?? 200;
    const body =
      step.body !== undefined ? step.body : defaultBody(status, () => successBody(operationId, valid));
    return respond(status, body, step.headers);
  };

  // Counted for every request with a token, before routing, as the gateway counts; stated on every answer.
  const quota = options.rateLimit && new Quota(options.rateLimit);
  const handle = async (call: IncomingCall): Promise<Response> => {
    const credentials = checkCredentials(call.headers, options.credentials);
    const decision =
      quota && credentials.identity !== undefined ? quota.take(credentials.identity) : undefined;
    const response = await route(call, decision, credentials);
    // A script's own headers win.
    for (const [name, value] of Object.entries(decision?.headers ?? {})) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };

  const route = async (
    call: IncomingCall,
    decision: QuotaDecision | undefined,
    credentials: CredentialCheck,
  ): Promise<Response> => {
    const born = generation;
    const method = call.method.toUpperCase();
    const { path, query } = parseTarget(call.target);
    const match = matchRoute(path, base);
    const record: RecordedRequest = {
      method,
      path,
      query: queryRecord(query),
      headers: redactHeaders(call.headers),
      operationId: match?.operationId ?? null,
      params: match?.params ?? {},
      time: new Date(),
    };
    requests.push(record);
    if (decision?.refused) {
      return respond(429, gatewayError(971, "Please wait and consider throttling your request speed"));
    }

    if (!match) return respond(404, realtimeKitError(404, `No route for ${method} ${path}`));
    const allowed = methodOf(match.operationId);
    if (method !== allowed) {
      const message = `Method ${method} is not allowed on ${path}; use ${allowed}`;
      return respond(405, realtimeKitError(405, message), { allow: allowed });
    }
    // The gateway checks the credentials before RealtimeKit sees the request, hence its envelope.
    if (credentials.status !== 200) return respond(credentials.status, authenticationError());
    const validation = validateRequest(match, query);
    if (!validation.ok) return respond(400, realtimeKitError(400, validation.message));
    for (const policy of policies) {
      const refusal = policy(record);
      if (refusal) return answer(refusal, call, match.operationId, validation.request, born);
    }

    let step: ScriptedResponse | undefined;
    try {
      step = await scripts.next(match.operationId, record);
    } catch (error) {
      const message = `realtimekit-mock: the script for ${match.operationId} failed: ${messageOf(error)}`;
      return respond(500, realtimeKitError(500, message));
    }
    // No scripted step is the empty step: a 200 with the normal answer (unless the id is unknown).
    step ??= unknownId(match.operationId, match.params) ?? {};
    try {
      return await answer(step, call, match.operationId, validation.request, born);
    } catch (error) {
      const interruption = error instanceof MockConnectionReset || error instanceof MockClosedError;
      if (interruption || call.signal?.aborted) throw error;
      // A scripted header or status the Fetch API refuses (e.g. a header with CR/LF) lands here.
      return respond(500, realtimeKitError(500, `realtimekit-mock: ${messageOf(error)}`));
    }
  };

  return {
    requests,
    script: (operationId, script) => scripts.set(operationId, script),
    clearScripts: (operationId) => scripts.clear(operationId),
    participants: {
      set: (sessionId, participantId, partial) =>
        participantFixtures.set(
          fixtureKey({ sessionId, participantId }, "participants.set"),
          partial,
          "participants.set",
        ),
      delete: (sessionId, participantId) =>
        participantFixtures.delete(fixtureKey({ sessionId, participantId }, "participants.delete")),
      clear: () => participantFixtures.clear(),
    },
    peers: {
      set: (peerId, partial) => peerFixtures.set(fixtureKey({ peerId }, "peers.set"), partial, "peers.set"),
      delete: (peerId) => peerFixtures.delete(fixtureKey({ peerId }, "peers.delete")),
      clear: () => peerFixtures.clear(),
    },
    handle,
    fetch: (request) =>
      handle({
        method: request.method,
        target: targetOf(request.url),
        headers: Object.fromEntries(request.headers),
        signal: request.signal,
      }),
    close: () => {
      generation++;
      for (const end of [...pending]) end();
    },
  };
}

/** The controls an adapter passes through from its core, `close` included. */
export function controlsOf(core: MockCore): MockControls & { close(): void } {
  const { requests, script, clearScripts, participants, peers, close } = core;
  return { requests, script, clearScripts, participants, peers, close };
}

function checkOptions(options: MockOptions): void {
  if (![undefined, "generated", "documented", "cloudflare-types"].includes(options.data)) {
    throw new TypeError(
      `data must be "generated", "documented" or "cloudflare-types" (got ${JSON.stringify(options.data)})`,
    );
  }
  checkCredentialsOption(options.credentials);
  if (options.unknownIds !== undefined && options.unknownIds !== "generate" && options.unknownIds !== "404") {
    throw new TypeError(`unknownIds must be "generate" or "404" (got ${JSON.stringify(options.unknownIds)})`);
  }
  const seed = options.seed;
  if (
    seed !== undefined &&
    typeof seed !== "string" &&
    !(typeof seed === "number" && Number.isFinite(seed))
  ) {
    throw new TypeError(`seed must be a string or a finite number (got ${String(seed)})`);
  }
}

function defaultBody(status: number, success: () => Json): unknown {
  // These statuses carry no body by definition.
  if (status === 204 || status === 205 || status === 304) return undefined;
  if (status >= 200 && status < 300) return success();
  if (status >= 400) return defaultErrorBody(status);
  return undefined;
}

/** The path and query of a URL, or of a request target that is already one. */
function targetOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
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

const encoder = new TextEncoder();

/** A Response as the API sends it: a `cf-ray` id, a content type for the body, its length. */
function respond(
  status: number,
  body: unknown,
  headers: Record<string, string | readonly string[]> = {},
): Response {
  const all = new Headers({ "cf-ray": `${rayId()}-MOCK` });
  let payload: Uint8Array | undefined;
  if (typeof body === "string") {
    payload = encoder.encode(body);
    all.set("content-type", "text/plain; charset=utf-8");
  } else if (body instanceof Uint8Array) {
    payload = body;
    all.set("content-type", "application/octet-stream");
  } else if (body !== undefined) {
    payload = encoder.encode(JSON.stringify(body));
    all.set("content-type", "application/json");
  }
  for (const [name, value] of Object.entries(headers)) {
    all.delete(name);
    for (const item of Array.isArray(value) ? value : [value]) all.append(name, item);
  }
  if (payload !== undefined && !all.has("content-length"))
    all.set("content-length", String(payload.byteLength));
  return new Response((payload as Uint8Array<ArrayBuffer> | undefined) ?? null, { status, headers: all });
}

// 16 hex digits, as Cloudflare's ray ids have; random, as the mock's answers are otherwise deterministic.
function rayId(): string {
  let id = "";
  for (let i = 0; i < 16; i++) id += Math.floor(Math.random() * 16).toString(16);
  return id;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
