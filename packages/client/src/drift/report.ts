import { InvalidParameterError } from "../errors.js";
import { responses, validators } from "../generated/validators.js";
import { Checker } from "./checker.js";
import type { DriftReport } from "./types.js";

/** The operations whose responses can be checked, as the spec names them. */
export const operationIds: readonly string[] = Object.keys(responses);

/** The response schema the spec gives `status`: the exact status, else its class (`4XX`), else `default`. */
const schemaFor = (byStatus: Record<string, string>, status: number) =>
  [String(status), `${String(status)[0]}XX`, "default"]
    .map((key) => (Object.hasOwn(byStatus, key) ? byStatus[key] : undefined))
    .find(Boolean);

/**
 * Compares a parsed response body with what the spec describes for `operationId` at `status` (default
 * 200) and returns every difference, each with a JSON pointer, its kind, what the spec expects, what came
 * and the spec change it suggests. Pure: it reads nothing but its arguments and the spec's validators,
 * generated into this package by `pnpm generate`. Throws `InvalidParameterError` for an operation the spec
 * does not have or a status that is not an HTTP status.
 */
export function driftReport(operationId: string, body: unknown, status = 200): DriftReport {
  const byStatus =
    typeof operationId === "string" && Object.hasOwn(responses, operationId)
      ? responses[operationId]
      : undefined;
  if (!byStatus) throw new InvalidParameterError("operationId", `must be one of ${operationIds.join(", ")}`);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new InvalidParameterError("status", "must be an HTTP status, a whole number from 100 to 599");
  }
  const checker = new Checker(operationId);
  const schema = schemaFor(byStatus, status);
  if (schema) {
    validators[schema]?.(body, "", checker, false);
  } else {
    const documented = Object.keys(byStatus).join(", ");
    checker.found.push({
      pointer: "",
      kind: "envelope",
      expected: `a status the spec documents (${documented})`,
      actual: String(status),
      change: "minor",
      suggestion: `describe the ${status} response of ${operationId} in the spec`,
      summary: `${operationId}: envelope at the body: expected a status the spec documents (${documented}), got ${status}`,
    });
  }
  return { operationId, status, schema: schema ?? "", differences: checker.found };
}
