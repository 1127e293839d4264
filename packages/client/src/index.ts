/**
 * A small, typed client for Cloudflare RealtimeKit's participant details and peer reports.
 * Everything here is public; `./internal` never is.
 */

export type {
  ErrorMessage,
  GetParticipantDataFromPeerIdResponse,
  GetSessionParticipantDetailsResponse,
  Participant,
  ParticipantDetails,
  ParticipantFilter,
  PeerEvent,
  PeerParticipant,
  PeerReport,
} from "@realtimekit-api/types";

import type { Middleware as OpenapiFetchMiddleware } from "openapi-fetch";

/** openapi-fetch middleware, as `rtk.use()` takes it: `onRequest`, `onResponse` and `onError` hooks. */
export type Middleware = OpenapiFetchMiddleware;
export {
  createRealtimeKitClient,
  type GetParticipantDataFromPeerIdParams,
  type GetSessionParticipantDetailsParams,
  type RealtimeKitClient,
} from "./client.js";
export type { DriftDifference, DriftKind, DriftReport } from "./drift/types.js";
export type { ResponseValidator, ValidateResponses } from "./drift/validator.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidParameterError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RealtimeKitError,
  UnprocessableEntityError,
} from "./errors.js";
export type { ClientOptions, RequestOptions } from "./options.js";
export type { RateLimit } from "./rate-limit.js";
export type { Fetch, FetchOptions, Logger } from "./transport.js";
