import type { DriftReport } from "./drift/types.js";
import { InvalidParameterError, ResponseValidationError } from "./errors.js";
import { redact } from "./internal/redact.js";

/** What `validateResponses` does with a success response the spec does not describe. */
export type ValidateResponses = "off" | "report" | "throw";

/** The drift check the client runs; `driftReport` from `@realtimekit-api/client/drift` is one. */
export type DriftCheck = (operationId: string, body: unknown, status?: number) => DriftReport;

interface ValidationOptions {
  validateResponses?: ValidateResponses | undefined;
  driftReport?: DriftCheck | undefined;
  onDrift?: ((report: DriftReport) => void) | undefined;
}

/**
 * The check each parsed success body goes through, or undefined when `validateResponses` is off. The
 * validators themselves come in through the `driftReport` option, so none of their bytes are in this entry.
 * `warn` writes one log line; by default each distinct drift is logged once per client. A server that
 * echoes the token finds it cut out of the report and the error, as from every other error.
 */
export const responseCheck = (options: ValidationOptions, token: string, warn: (line: string) => void) => {
  const { validateResponses: mode = "off", driftReport, onDrift } = options;
  if (mode !== "off" && mode !== "report" && mode !== "throw") {
    throw new InvalidParameterError("validateResponses", 'must be "off", "report" or "throw"');
  }
  if (onDrift != null && typeof onDrift !== "function")
    throw new InvalidParameterError("onDrift", "must be a function");
  if (mode === "off") return undefined;
  if (typeof driftReport !== "function") {
    throw new InvalidParameterError(
      "driftReport",
      `is needed when validateResponses is "${mode}": pass driftReport from "@realtimekit-api/client/drift"`,
    );
  }
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
  return (operationId: string, status: number, body: unknown): void => {
    const found = redact(driftReport(operationId, body, status), token) as DriftReport;
    if (found.differences.length === 0) return;
    report(found);
    if (mode === "throw") throw new ResponseValidationError(found, redact(body, token));
  };
};
