// Everything but the node:http server: what a Worker, a browser or a bundle for them may import.

export type { MockCredential } from "./credentials.js";
export {
  authenticationError,
  type GatewayErrorBody,
  gatewayError,
  type RealtimeKitErrorBody,
  realtimeKitError,
} from "./envelopes.js";
export { createMockFetch, type MockFetch, type MockFetchOptions } from "./fetch.js";
export type { Fixture } from "./fixtures.js";
export {
  createMockCore,
  type IncomingCall,
  MockClosedError,
  MockConnectionReset,
  type MockControls,
  type MockCore,
  type MockOptions,
  type ParticipantFixtures,
  type PeerFixtures,
} from "./handler.js";
export type { RateLimitOptions } from "./quota.js";
export type { RecordedRequest } from "./record.js";
export { basePath, type OperationId, operationIds } from "./routes.js";
export type { Script, ScriptedResponse, ScriptFunction, Scripts } from "./script.js";
