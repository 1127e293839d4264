/**
 * `@realtimekit-api/client/drift`: how a response differs from the spec. The validators behind it are
 * generated from the spec, so they stay out of the main entry's bundle; pass `responseValidator` to
 * `createRealtimeKitClient` to check responses as they arrive (see `validateResponses`).
 */

export { driftLines, visible } from "./format.js";
export { driftReport, operationIds } from "./report.js";
export type { DriftDifference, DriftKind, DriftReport } from "./types.js";
export {
  ResponseValidationError,
  type ResponseValidator,
  responseValidator,
  type ValidateResponses,
  type ValidatorOptions,
} from "./validator.js";
