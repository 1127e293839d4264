import { operations, participantFilters, pathParameterRules } from "./generated/spec.js";
import type { RouteMatch } from "./routes.js";

/** A request that passed the spec's parameter rules, with its query parameters parsed. */
export interface ValidRequest {
  params: Record<string, string>;
  filters: string[];
  includePeerEvents: boolean;
}

/** The outcome of validation: the parsed request, or a message naming the parameter at fault. */
export type Validation = { ok: true; request: ValidRequest } | { ok: false; message: string };

// JSON Schema's `uuid` format is RFC 4122's textual form, hex digits in either case.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID in RFC 4122's textual form, hex digits in either case. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}

/** Checks a routed request against the spec's rules for its path and query parameters. */
export function validateRequest(match: RouteMatch, query: URLSearchParams): Validation {
  if (match.malformed !== undefined) {
    return fail(`path parameter ${match.malformed} is not valid percent-encoding`);
  }
  for (const [name, value] of Object.entries(match.params)) {
    const problem = pathParameterProblem(name, value);
    if (problem) return fail(`path parameter ${name} ${problem} (got ${quote(value)})`);
  }

  const accepted: readonly string[] = operations[match.operationId].queryParameters;
  const request: ValidRequest = { params: match.params, filters: [], includePeerEvents: false };
  // Query parameters the operation does not define are ignored, as OpenAPI does not forbid them.
  for (const name of accepted) {
    const values = query.getAll(name);
    if (values.length === 0) continue;
    if (values.length > 1) return fail(`query parameter ${name} must be given once`);
    const value = values[0] ?? "";
    if (name === "filters") {
      const filters = parseFilters(value);
      if (typeof filters === "string") return fail(`query parameter filters ${filters}`);
      request.filters = filters;
    } else if (name === "include_peer_events") {
      if (value !== "true" && value !== "false") {
        return fail(`query parameter include_peer_events must be true or false (got ${quote(value)})`);
      }
      request.includePeerEvents = value === "true";
    }
  }
  return { ok: true, request };
}

function pathParameterProblem(name: string, value: string): string | undefined {
  const rule: { maxLength?: number; format?: string } | undefined =
    pathParameterRules[name as keyof typeof pathParameterRules];
  if (!rule) return undefined;
  // JSON Schema counts characters (code points), not UTF-16 units.
  if (rule.maxLength !== undefined && [...value].length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters`;
  }
  if (rule.format === "uuid" && !isUuid(value)) return "must be a UUID";
  return undefined;
}

// The spec: `style: form, explode: false`, "there must be no spaces between the filters".
function parseFilters(value: string): string[] | string {
  if (value === "") return [];
  if (/\s/.test(value)) return `must be comma separated with no spaces (got ${quote(value)})`;
  const filters = value.split(",");
  const allowed: readonly string[] = participantFilters;
  const unknown = filters.find((filter) => !allowed.includes(filter));
  if (unknown !== undefined) {
    return `has an unknown value ${quote(unknown)}; allowed values: ${allowed.join(", ")}`;
  }
  return filters;
}

function quote(value: string): string {
  // Echo what was received, but keep a message one readable line whatever the client sent.
  const shown = value.length > 64 ? `${value.slice(0, 64)}…` : value;
  return JSON.stringify(shown);
}

function fail(message: string): Validation {
  return { ok: false, message };
}
