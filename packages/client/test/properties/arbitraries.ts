/** Generators shared by the property suites: hostile ids, and the two calls driven uniformly. */
import fc from "fast-check";
import { createRealtimeKitClient } from "../../src/index.js";
import { specOperation } from "../support/openapi-document.js";
import { jsonResponse, recordingFetch } from "../support/request-recorder.js";
import { accountId, apiToken, appId, participantId, peerId, sessionId } from "../support/sample-values.js";

export const baseURL = "https://api.example.test/client/v4";
export const basePath = "/client/v4";

/** Pieces that break naive path building: separators, dot segments, escapes, controls, odd Unicode. */
const hostile = fc.constantFrom(
  "/",
  ".",
  "..",
  "%",
  "%2F",
  "%2e%2e",
  "%2E",
  "?",
  "#",
  " ",
  "+",
  "&",
  "=",
  ",",
  ";",
  "\\",
  "{",
  "}",
  "$&",
  "$'",
  "$`",
  "*",
  "'",
  "\u0000",
  "\n",
  "\r\n",
  "\t",
  "\u007f",
  "\u2028",
  "\ufeff",
  "é",
  "😀",
  "\ud800",
  "\udfff",
);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any string, weighted toward the ones a path builder gets wrong, plus valid UUIDs. */
export const anyId: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({
    unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), loneSurrogate),
    maxLength: 8,
  }),
  fc
    .array(fc.oneof(hostile, fc.string({ unit: "grapheme-ascii", maxLength: 4 })), { maxLength: 10 })
    .map((p) => p.join("")),
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.tuple(fc.uuid(), hostile).map(([u, h]) => u + h),
  fc.tuple(hostile, fc.uuid()).map(([h, u]) => h + u),
  fc.constantFrom("", ".", "..", "...", "%2e", "%2E%2E", "x".repeat(32), "x".repeat(33), "😀".repeat(32)),
);

export type OperationId = "getSessionParticipantDetails" | "getParticipantDataFromPeerId";
export const templates: Record<OperationId, string> = {
  getSessionParticipantDetails: specOperation("getSessionParticipantDetails").path,
  getParticipantDataFromPeerId: specOperation("getParticipantDataFromPeerId").path,
};

export type Ids = Record<string, string>;
export const validIds: Record<OperationId, Ids> = {
  getSessionParticipantDetails: {
    account_id: accountId,
    app_id: appId,
    session_id: sessionId,
    participant_id: participantId,
  },
  getParticipantDataFromPeerId: { account_id: accountId, app_id: appId, peer_id: peerId },
};

/** A client over a recording `fetch` that answers `{ data: null, success: true }` (valid for both). */
export function recordingClient(
  options: Partial<Parameters<typeof createRealtimeKitClient>[0]> = {},
  delayMs = 0,
  respond: Parameters<typeof recordingFetch>[0] = () => jsonResponse({ data: null, success: true }),
) {
  const recorder = recordingFetch(respond, delayMs);
  const create = () =>
    createRealtimeKitClient({
      apiToken,
      baseURL,
      maxRetries: 0,
      timeout: 5_000,
      fetch: recorder.fetch,
      ...options,
    });
  return { create, requests: recorder.requests };
}

type Client = ReturnType<typeof createRealtimeKitClient>;

/** Calls `operation` with `ids` (account_id/app_id per call unless omitted) and extra params. */
export function call(
  rtk: Client,
  operation: OperationId,
  ids: Partial<Ids>,
  extra: Record<string, unknown> = {},
  options?: Record<string, unknown>,
): Promise<unknown> {
  const scope: Record<string, unknown> = { ...extra };
  if ("account_id" in ids) scope.account_id = ids.account_id;
  if ("app_id" in ids) scope.app_id = ids.app_id;
  if (operation === "getSessionParticipantDetails") {
    scope.session_id = ids.session_id;
    return rtk.sessions.getSessionParticipantDetails(
      ids.participant_id as string,
      scope as never,
      options as never,
    );
  }
  return rtk.sessions.getParticipantDataFromPeerId(ids.peer_id as string, scope as never, options as never);
}

/** How a call settled; a synchronous throw counts as a rejection. */
export async function settle(
  run: () => Promise<unknown>,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The path of `url` below the base path, split on "/". */
export function segmentsOf(url: string): string[] {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(`${basePath}/`)) throw new Error(`${pathname} is not below ${basePath}`);
  return pathname.slice(basePath.length).split("/");
}

/** Runs count, bounded so the suites stay fast; FC_NUM_RUNS raises it for a deeper local search. */
export const numRuns = Number(process.env.FC_NUM_RUNS) || 300;
