import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InvalidParameterError,
} from "@realtimekit-api/client";
import { seconds } from "./client-log.js";
import { quoted, visible } from "./encode.js";
import { CliError } from "./errors.js";
import { type ExitKind, exitCodes } from "./exit-codes.js";
import type { Sourced } from "./settings.js";

/** A failure as the command reports it, on stderr as lines or on stdout as JSON. */
export interface Failure {
  kind: ExitKind;
  /** The error class's name, e.g. `NotFoundError`, `UsageError`. */
  name: string;
  /** One line: what went wrong. */
  message: string;
  /** What to do about it. */
  hints: string[];
  /** The HTTP status, when the API answered. */
  status: number | null;
  /** The `cf-ray` id of the answer, for Cloudflare support. */
  requestId: string | null;
  /** The `{ code, message }` entries of the API's error body. */
  errors: { code?: number | null; message: string }[];
}

/** What the command knew when it failed, so the message can name where a value came from. */
export interface FailureContext {
  /** Each value sent, by the client's parameter name (`account_id`, `apiToken`, `session_id`…). */
  sources: Record<string, Sourced | undefined>;
  /** The API root called. */
  baseURL: string;
  /** Milliseconds each attempt could take. */
  timeout: number;
  /** Attempts made, when known. */
  attempts: number;
  /** Whether the embedded mock answered. */
  mock: boolean;
}

/** The `--json` form of a failure: `{ "error": { name, message, status, requestId, errors } }`. */
export const failureJson = (f: Failure) => ({
  error: { name: f.name, message: f.message, status: f.status, requestId: f.requestId, errors: f.errors },
});

/** The exit code of a failure. */
export const exitCodeOf = (f: Failure): number => exitCodes[f.kind];

const base = { status: null, requestId: null, errors: [] as Failure["errors"] };

/** A failure the command found itself, as a `Failure`. */
export const cliFailure = (error: CliError): Failure => ({
  ...base,
  kind: error.kind,
  name: error.name,
  message: error.message,
  hints: [...error.hints],
});

/** Any value the command caught, as a `Failure`. */
export function describeFailure(error: unknown, context: FailureContext): Failure {
  if (error instanceof CliError) return cliFailure(error);
  if (error instanceof InvalidParameterError) return invalidParameter(error, context);
  if (error instanceof APIError) return apiFailure(error, context);
  if (error instanceof APIUserAbortError) {
    return { ...base, kind: "aborted", name: error.name, message: "aborted (Ctrl-C)", hints: [] };
  }
  if (error instanceof APIConnectionError) return connectionFailure(error, context);
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, kind: "failure", name, message, hints: [] };
}

function invalidParameter(error: InvalidParameterError, context: FailureContext): Failure {
  const source = context.sources[error.param];
  const reason = error.message.startsWith(error.param)
    ? error.message.slice(error.param.length).trim()
    : error.message;
  const where = source?.from ?? error.param;
  const shown = source && error.param !== "apiToken" && !source.from.startsWith("--mock");
  return {
    kind: "invalidInput",
    name: error.name,
    message: `invalid ${where}${shown ? ` ${quoted(hideCredentials(source.value))}` : ""}: ${reason}`,
    hints: [],
    status: null,
    requestId: null,
    errors: [],
  };
}

// A base URL may carry a user and password; they are refused, and never repeated.
const hideCredentials = (text: string) => text.replace(/\/\/[^/@]*@/, "//…@");

const ids = ["account_id", "app_id", "session_id", "participant_id", "peer_id"];

/** Where the values of these parameters came from, as a person typed or set them. */
const named = (context: FailureContext, params: string[]) =>
  params
    .map((param) => context.sources[param]?.from)
    .filter(Boolean)
    .join(", ");

function apiFailure(error: APIError, context: FailureContext): Failure {
  const { status } = error;
  const kind: ExitKind =
    status === 401 || status === 403
      ? "authentication"
      : status === 404
        ? "notFound"
        : status === 429
          ? "rateLimited"
          : status >= 500
            ? "server"
            : status === 400 || status === 422
              ? "invalidInput"
              : "failure";
  const token = context.sources.apiToken?.from ?? "CLOUDFLARE_API_TOKEN";
  const account = context.sources.account_id;
  const hints: string[] = [];
  if (status === 401) {
    hints.push(
      `the API refused the token from ${token}: check that it is complete and not expired or revoked`,
      "create a token in the Cloudflare dashboard (My Profile, API Tokens) with the Realtime or Realtime Admin permission",
    );
  } else if (status === 403) {
    hints.push(
      `the token from ${token} may not read RealtimeKit sessions${account ? ` of account ${quoted(account.value)}` : ""}: give it the Realtime or Realtime Admin permission for that account`,
    );
  } else if (status === 404) {
    hints.push(`check ${named(context, ids)}: one of them names nothing the API knows`);
  } else if (kind === "invalidInput") {
    hints.push(`the API refused a value of this call: check ${named(context, [...ids, "filters"])}`);
  } else if (status === 429) {
    // The client (from its transport's rules) says how long the API asked to wait, when it named a time.
    const wait = (error as { retryAfter?: unknown }).retryAfter;
    if (typeof wait === "number") hints.push(`the API asks to wait ${seconds(wait)} before the next call`);
    hints.push(
      "Cloudflare allows 1,200 requests per five minutes per user; once over it, every call is refused for five minutes",
    );
  } else if (status >= 500) {
    hints.push("the API failed; try again later, and give Cloudflare support the request id if it goes on");
  }
  // A success status whose body the client could not read as the API's envelope (not JSON, empty, HTML
  // from a proxy): the client's message would read as if the API had sent that text as its error.
  const unreadable = status >= 200 && status < 300;
  if (unreadable) {
    const baseFrom = context.mock ? "--mock" : (context.sources.baseURL?.from ?? "the default base URL");
    hints.push(
      `check ${baseFrom} (${new URL(context.baseURL).origin}): what answers there may not be the API`,
    );
  }
  return {
    kind,
    name: error.name,
    message: unreadable
      ? `${status} from the API, with a body that is not its JSON: ${error.message.replace(/^\d+ /, "")}`
      : error.message,
    hints,
    status,
    requestId: error.requestId ?? null,
    errors: error.errors.map(({ code, message }) => ({ code, message })),
  };
}

/**
 * An error and its causes, outermost first, whether they are errors or plain copies of them. Node's fetch
 * reports both addresses of `localhost` (IPv4 and IPv6) in one AggregateError: its first is followed.
 */
function causes(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = [];
  for (let e: unknown = error; e && typeof e === "object" && chain.length < 16; ) {
    const record = e as Record<string, unknown>;
    if (chain.includes(record)) break;
    chain.push(record);
    const inner = record.errors;
    e = record.cause ?? (Array.isArray(inner) ? inner[0] : undefined);
  }
  return chain;
}

/** The first value of `key` on an error or its causes. */
const causeField = (error: unknown, key: string): unknown =>
  causes(error)
    .map((e) => e[key])
    .find((value) => value !== undefined && value !== null && value !== "");

const codeWords: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_SOCKET: "connection closed by the other side",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its TLS certificate chain is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate cannot be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for another host",
};

/**
 * Why a connection failed, from the error's causes: the system's code in words with the code and the call
 * (`connection refused (ECONNREFUSED, connect)`), else the innermost message (`bad port`).
 */
export function connectionProblem(error: unknown): string {
  const code = causeField(error, "code");
  const syscall = causeField(error, "syscall");
  if (typeof code !== "string") return String(causes(error).at(-1)?.message ?? "failed");
  const words = codeWords[code] ?? (code.startsWith("HPE_") ? "malformed HTTP answer" : "failed");
  return `${words} (${code}${typeof syscall === "string" ? `, ${syscall}` : ""})`;
}

function connectionFailure(error: APIConnectionError, context: FailureContext): Failure {
  const url = new URL(context.baseURL);
  const address = causeField(error, "address") ?? causeField(error, "hostname") ?? url.hostname;
  const port = causeField(error, "port") ?? (url.port || (url.protocol === "https:" ? "443" : "80"));
  const where = `${String(address).includes(":") ? `[${address}]` : address}:${port}`;
  const attempts = context.attempts > 1 ? `, ${context.attempts} attempts` : "";
  const baseFrom = context.mock ? "--mock" : (context.sources.baseURL?.from ?? "the default base URL");
  if (error instanceof APIConnectionTimeoutError) {
    return {
      kind: "network",
      name: error.name,
      message: `no answer from ${url.host} within ${seconds(context.timeout)}${attempts}`,
      hints: [`wait longer with --timeout <ms>, or check the network and ${baseFrom}`],
      status: null,
      requestId: null,
      errors: [],
    };
  }
  const code = causeField(error, "code");
  // llhttp's codes (HPE_…) and undici's closed socket come after the connection was made: the server at
  // that address answered, or hung up, in a way no HTTP API does; "cannot connect" would send the reader
  // to check the network instead of what answers there.
  if (typeof code === "string" && (code.startsWith("HPE_") || code === "UND_ERR_SOCKET")) {
    const what =
      code === "UND_ERR_SOCKET"
        ? "closed the connection before a whole answer"
        : "sent a malformed HTTP answer";
    const detail = String(causes(error).at(-1)?.message ?? "").replace(
      /^Response does not match the HTTP\/1\.1 protocol \((.*)\)$/,
      "$1",
    );
    return {
      kind: "network",
      name: error.name,
      message: `${where} ${what}: ${visible(detail) || "no detail"} (${code})${attempts}`,
      hints: [
        `check ${baseFrom} (${url.origin}): what answers there is not the API, or a proxy in between broke the answer`,
      ],
      status: null,
      requestId: null,
      errors: [],
    };
  }
  const message = `cannot connect to ${where}: ${connectionProblem(error)}${attempts}`;
  return {
    kind: "network",
    name: error.name,
    message,
    hints: [`check ${baseFrom} (${url.origin}) and the network`],
    status: null,
    requestId: null,
    errors: [],
  };
}
