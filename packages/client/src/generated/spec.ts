/**
 * Generated from spec/openapi.yaml (version 1.0.0, sha256 861716d1fec5e841) by `pnpm generate`.
 * Do not edit by hand: change the spec or scripts/src/generate.ts, then run the command again.
 */
/** The values `filters` accepts, in the spec's order. */
export const participantFilters = [
  "device_info",
  "ip_information",
  "precall_network_information",
  "events",
  "quality_stats"
] as const;

/** Each operation's path template. */
export const operationPaths = {
  "getSessionParticipantDetails": "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}",
  "getParticipantDataFromPeerId": "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}"
} as const;

/** Each operation's parameter names, path and query, in the spec's order: the only keys its call takes. */
export const operationParameters = {
  "getSessionParticipantDetails": [
    "account_id",
    "app_id",
    "session_id",
    "participant_id",
    "filters",
    "include_peer_events"
  ],
  "getParticipantDataFromPeerId": [
    "account_id",
    "app_id",
    "peer_id",
    "filters"
  ]
} as const;

/** The constraints the spec puts on each path parameter. */
export const pathParameterRules = {
  "account_id": {
    "maxLength": 32
  },
  "app_id": {
    "maxLength": 32
  },
  "session_id": {
    "format": "uuid"
  },
  "participant_id": {
    "format": "uuid"
  },
  "peer_id": {
    "format": "uuid"
  }
} as const;
