export {
  authenticationError,
  type GatewayErrorBody,
  gatewayError,
  type RealtimeKitErrorBody,
  realtimeKitError,
} from "./envelopes.js";
export type { RateLimitOptions } from "./quota.js";
export type { RecordedRequest } from "./record.js";
export { basePath, type OperationId, operationIds } from "./routes.js";
export type { Script, ScriptedResponse, ScriptFunction, Scripts } from "./script.js";
export { type MockServer, type MockServerOptions, startMockServer } from "./server.js";
