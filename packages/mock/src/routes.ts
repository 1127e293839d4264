import { examples, operations } from "./generated/spec.js";

/** The name of one of the two operations, as the spec's `operationId` spells it. */
export type OperationId = keyof typeof operations;

/** A JSON value, as the mock answers it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The path of the spec's server URL (`https://api.cloudflare.com/client/v4`); every spec path hangs under it. */
export const basePath = "/client/v4";

/** Every operation the mock serves, in the spec's order. */
export const operationIds = Object.keys(operations) as OperationId[];

/** A request path matched to an operation, with its path parameters as sent and as decoded. */
export interface RouteMatch {
  operationId: OperationId;
  /** Path parameters, percent-decoded (left as sent when the encoding is broken). */
  params: Record<string, string>;
  /** The first path parameter whose percent-encoding cannot be decoded, if any. */
  malformed: string | undefined;
}

type Segment = { literal: string } | { param: string };

// Compiled once from the spec's path templates, so a new operation needs no code here to be routed.
const routes = operationIds.map((operationId) => ({
  operationId,
  segments: splitPath(operations[operationId].path).map(
    (part): Segment =>
      part.startsWith("{") && part.endsWith("}") ? { param: part.slice(1, -1) } : { literal: part },
  ),
}));

function splitPath(path: string): string[] {
  return path.split("/").slice(1);
}

/**
 * Finds the operation whose path template, under `base` (default `/client/v4`), matches `pathname`
 * exactly, segment for segment.
 */
export function matchRoute(pathname: string, base: string = basePath): RouteMatch | null {
  if (!pathname.startsWith(`${base}/`)) return null;
  const parts = splitPath(pathname.slice(base.length));
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let malformed: string | undefined;
    const matches = route.segments.every((segment, i) => {
      const part = parts[i] ?? "";
      if ("literal" in segment) return segment.literal === part;
      // An empty segment (`//`) is no value at all; the real API would not route it either.
      if (part === "") return false;
      try {
        params[segment.param] = decodeURIComponent(part);
      } catch {
        params[segment.param] = part;
        malformed ??= segment.param;
      }
      return true;
    });
    if (matches) return { operationId: route.operationId, params, malformed };
  }
  return null;
}

/** The method the spec documents for an operation. */
export function methodOf(operationId: OperationId): string {
  return operations[operationId].method;
}

/**
 * The documented example of an operation's 200 answer, with the request's ids echoed where the
 * schema has them, so a consumer sees its own ids come back as it would from the real API.
 */
export function documentedBody(
  operationId: OperationId,
  params: Record<string, string>,
  includePeerEvents: boolean,
): Json {
  // The examples are deeply readonly constants shared by every request: answer a copy.
  const body = structuredClone(examples[operationId]) as unknown as Json;
  const data = objectAt(body, "data");
  if (operationId === "getSessionParticipantDetails") {
    const participant = objectAt(data, "participant");
    if (participant) {
      if (params.participant_id !== undefined) participant.id = params.participant_id;
      // The schema: peer events are "only included when include_peer_events is true".
      if (!includePeerEvents) delete participant.peer_events;
      else if (Array.isArray(participant.peer_events)) {
        for (const event of participant.peer_events) {
          const record = objectAt(event);
          if (!record) continue;
          if (params.participant_id !== undefined) record.participant_id = params.participant_id;
          if (params.session_id !== undefined) record.session_id = params.session_id;
        }
      }
    }
  } else if (data && params.peer_id !== undefined) {
    // The schema's `id`: "Participant ID. This maps to the corresponding peerId."
    data.id = params.peer_id;
  }
  return body;
}

function objectAt(value: Json | undefined, ...keys: string[]): { [key: string]: Json } | undefined {
  let node = value;
  for (const key of keys) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? node : undefined;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
