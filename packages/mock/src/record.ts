import type { OperationId } from "./routes.js";

/** One request the mock received, as kept in `server.requests` and passed to script functions. */
export interface RecordedRequest {
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** The path as received, including the `/client/v4` prefix, without the query string. */
  path: string;
  /** Query parameters; a parameter given more than once has every value, in order. */
  query: Record<string, string | string[]>;
  /**
   * Request headers with lower-case names; credentials are replaced by `[REDACTED]`. A header sent more
   * than once is an array where the adapter keeps them apart (the server), else one comma-joined string.
   */
  headers: Record<string, string | string[]>;
  /** The operation the path matched, or `null` for a path the spec does not have. */
  operationId: OperationId | null;
  /** The path parameters of a matched operation, percent-decoded. */
  params: Record<string, string>;
  /** When the request arrived. */
  time: Date;
}

/** What replaces a credential in recorded headers. */
export const redacted = "[REDACTED]";

// Cloudflare accepts a token (`Authorization`), a Global API Key with its email (`X-Auth-Key`,
// `X-Auth-Email`: the pair is the credential, so the email goes too) or an Origin CA key
// (`X-Auth-User-Service-Key`); a record of requests ends up in test output and CI logs, where none may appear.
const secretHeaders = new Set([
  "authorization",
  "proxy-authorization",
  "x-auth-key",
  "x-auth-email",
  "x-auth-user-service-key",
  "cookie",
]);

/** Copies request headers, redacting credentials but keeping an auth scheme so tests can check it. */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    copy[name] = secretHeaders.has(name) ? redactValue(value) : value;
  }
  return copy;
}

function redactValue(value: string | string[]): string | string[] {
  if (Array.isArray(value)) return value.map((item) => redactOne(item));
  return redactOne(value);
}

function redactOne(value: string): string {
  const scheme = /^(Bearer|Basic) /i.exec(value);
  return scheme ? `${scheme[1]} ${redacted}` : redacted;
}

/** Query parameters as a plain object, so a test can compare them with `toEqual`. */
export function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    record[name] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return record;
}
