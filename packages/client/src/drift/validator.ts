import { brand, InvalidParameterError, RealtimeKitError } from "../errors.js";
import { redact, type Secrets } from "../internal/redact.js";
import { driftReport } from "./report.js";
import type { DriftReport } from "./types.js";

/** What `validateResponses` does with a success response the spec does not describe. */
export type ValidateResponses = "off" | "report" | "throw";

/** The options of `createRealtimeKitClient` that the response validator reads. */
export interface ValidatorOptions {
  /** `"report"` or `"throw"`; the client does not call the validator for `"off"`. */
  validateResponses?: ValidateResponses | undefined;
  /** Called with each report that has differences; default: one `warn` line per distinct drift. */
  onDrift?: ((report: DriftReport) => void) | undefined;
}

/**
 * With `validateResponses: "throw"`: a success response that the spec does not describe. `report` says
 * where and how it differs (see `driftReport`), `body` is what came.
 */
export class ResponseValidationError extends RealtimeKitError {
  declare name: "ResponseValidationError";
  constructor(
    /** Every difference between the response and the spec, with the spec change each suggests. */
    readonly report: DriftReport,
    /** The response body, parsed. */
    readonly body: unknown,
  ) {
    const [first] = report.differences;
    super(
      `${report.operationId}: the ${report.status} response differs from the spec in ${report.differences.length} ${
        report.differences.length === 1 ? "place" : "places"
      }${first ? `, first ${first.kind} at ${first.pointer || "the body"}: expected ${first.expected}, got ${first.actual}` : ""}`,
    );
  }
}

// Branded as errors.ts brands the others, so `instanceof` holds across the ES module and CommonJS builds.
Object.assign(ResponseValidationError.prototype, {
  name: "ResponseValidationError",
  [brand]: "ResponseValidationError",
});

/**
 * What `createRealtimeKitClient` runs on each parsed success body when `validateResponses` is `"report"` or
 * `"throw"`: pass it as the client's `responseValidator` option. It lives in this entry, with the spec's
 * validators, so that a client that leaves validation off carries none of their bytes. Given the client's
 * options, its credentials (the token, or the key and email) and a function that writes one `warn` log line, it answers the check of one body,
 * which calls `onDrift` (by default: one `warn` line per distinct drift per client) and, for `"throw"`,
 * throws `ResponseValidationError`. Throws `InvalidParameterError` for a bad `validateResponses` or `onDrift`.
 */
export function responseValidator(
  options: ValidatorOptions,
  token: Secrets,
  warn: (line: string) => void,
): (operationId: string, status: number, body: unknown) => void {
  const { validateResponses: mode, onDrift } = options;
  if (mode !== "report" && mode !== "throw") {
    throw new InvalidParameterError("validateResponses", 'must be "off", "report" or "throw"');
  }
  if (onDrift != null && typeof onDrift !== "function")
    throw new InvalidParameterError("onDrift", "must be a function");
  // Bounded, so a server that answers a new property name every time cannot grow it without end.
  const logged = new Set<string>();
  const report =
    onDrift ??
    (({ differences }: DriftReport) => {
      for (const { summary, suggestion } of differences) {
        if (logged.has(summary) || logged.size >= 1000) continue;
        logged.add(summary);
        warn(`realtimekit: the API answered outside the spec: ${summary}; suggests: ${suggestion}`);
      }
    });
  // A server that echoes the token finds it cut out of the report and the error, as from every other error.
  return (operationId, status, body) => {
    const found = redact(driftReport(operationId, body, status), token) as DriftReport;
    if (found.differences.length === 0) return;
    report(found);
    if (mode === "throw") throw new ResponseValidationError(found, redact(body, token));
  };
}

/** `responseValidator`'s type, as the client's `responseValidator` option takes it. */
export type ResponseValidator = typeof responseValidator;
