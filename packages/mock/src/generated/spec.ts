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

/** Each operation's method, path template and parameter names. */
export const operations = {
  "getSessionParticipantDetails": {
    "method": "GET",
    "path": "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}",
    "pathParameters": [
      "account_id",
      "app_id",
      "session_id",
      "participant_id"
    ],
    "queryParameters": [
      "filters",
      "include_peer_events"
    ]
  },
  "getParticipantDataFromPeerId": {
    "method": "GET",
    "path": "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}",
    "pathParameters": [
      "account_id",
      "app_id",
      "peer_id"
    ],
    "queryParameters": [
      "filters"
    ]
  }
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

/** Each operation's documented 200 response body, value for value. */
export const examples = {
  "getSessionParticipantDetails": {
    "data": {
      "participant": {
        "id": "id",
        "created_at": "created_at",
        "custom_participant_id": "custom_participant_id",
        "display_name": "display_name",
        "duration": 0,
        "joined_at": "joined_at",
        "left_at": "left_at",
        "peer_events": [
          {
            "id": "id",
            "created_at": "created_at",
            "event_name": "PEER_CREATED",
            "minutes_consumed": 0,
            "participant_id": "participant_id",
            "peer_id": "peer_id",
            "preset_view_type": "GROUP_CALL",
            "session_id": "session_id",
            "socket_session_id": "socket_session_id",
            "updated_at": "updated_at"
          }
        ],
        "preset_name": "preset_name",
        "updated_at": "updated_at",
        "user_id": "user_id"
      }
    },
    "success": true
  },
  "getParticipantDataFromPeerId": {
    "data": {
      "id": "id",
      "created_at": "created_at",
      "custom_participant_id": "custom_participant_id",
      "display_name": "display_name",
      "duration": 0,
      "joined_at": "joined_at",
      "left_at": "left_at",
      "peer_events": [
        {
          "foo": "bar"
        }
      ],
      "peer_report": {
        "metadata": {
          "foo": "bar"
        },
        "quality": {
          "foo": "bar"
        }
      },
      "preset_name": "preset_name",
      "session_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
      "updated_at": "updated_at",
      "user_id": "user_id"
    },
    "success": true
  }
} as const;
