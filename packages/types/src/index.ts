/**
 * Types for Cloudflare RealtimeKit's participant and peer-report API.
 *
 * `paths`, `components` and `operations` are generated from spec/openapi.yaml; the names below are the
 * ones people reach for. Its one value is `querySerializer`, the spec's query format, which a bundler
 * leaves out unless it is imported.
 */
import type * as generated from "./generated/openapi.js";

export { querySerializer } from "./query-serializer.js";

/** Every path of the API with its operations: what `openapi-fetch`'s `createClient<paths>()` takes. */
export type paths = generated.paths;
/** The spec's named schemas, parameters and responses. */
export type components = generated.components;
/** Each operation by its operationId, with its parameters and responses. */
export type operations = generated.operations;

type Schemas = components["schemas"];

/** One of the values the `filters` query parameter accepts. */
export type ParticipantFilter = Schemas["ParticipantFilter"];

/** Body of a successful `getSessionParticipantDetails`: `{ data: { participant }, success }`. */
export type GetSessionParticipantDetailsResponse = Schemas["GetSessionParticipantDetailsResponse"];
/** The `data` of a participant's details. */
export type ParticipantDetails = Schemas["ParticipantDetails"];
/** A participant of a session, with its peer events when they were asked for. */
export type Participant = Schemas["Participant"];
/** A connection lifecycle event of a participant's peer. */
export type PeerEvent = Schemas["PeerEvent"];
/** Name of a peer event. */
export type PeerEventName = NonNullable<PeerEvent["event_name"]>;
/** View type of the preset associated with a peer. */
export type PresetViewType = NonNullable<PeerEvent["preset_view_type"]>;

/** Body of a successful `getParticipantDataFromPeerId`: `{ data, success }`. */
export type GetParticipantDataFromPeerIdResponse = Schemas["GetParticipantDataFromPeerIdResponse"];
/** The participant behind a peer, with the peer's call statistics report. */
export type PeerParticipant = Schemas["PeerParticipant"];
/** A peer's call statistics report. */
export type PeerReport = Schemas["PeerReport"];

/** Either JSON error envelope. */
export type ErrorEnvelope = Schemas["ErrorEnvelope"];
/** An error answered by RealtimeKit: `{ success: false, error: { code, message } }`. */
export type RealtimeKitErrorEnvelope = Schemas["RealtimeKitErrorEnvelope"];
/** An error answered by Cloudflare's API gateway, in the v4 envelope. */
export type CloudflareErrorEnvelope = Schemas["CloudflareErrorEnvelope"];
/** One `{ code, message }` entry of an error envelope. */
export type ErrorMessage = Schemas["ErrorMessage"];

/** Path and query parameters of `getSessionParticipantDetails`. */
export type GetSessionParticipantDetailsParameters = operations["getSessionParticipantDetails"]["parameters"];
/** Path and query parameters of `getParticipantDataFromPeerId`. */
export type GetParticipantDataFromPeerIdParameters = operations["getParticipantDataFromPeerId"]["parameters"];
