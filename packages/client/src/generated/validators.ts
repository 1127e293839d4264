/**
 * Generated from spec/openapi.yaml (version 1.0.0, sha256 861716d1fec5e841) by `pnpm generate`.
 * Do not edit by hand: change the spec or scripts/src/generate.ts, then run the command again.
 */
import type { Checker } from "../drift/checker.js";

/** Checks a value against `GetSessionParticipantDetailsResponse`. */
function GetSessionParticipantDetailsResponse(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "GetSessionParticipantDetailsResponse", nullable);
  if (!found) return;
  const [v, p] = found;
  if (Object.hasOwn(v, "data")) {
    if (v["data"] !== null) {
      ParticipantDetails(v["data"], `${p}/data`, c, true);
    }
  }
  if (Object.hasOwn(v, "success")) {
    c.type(v["success"], `${p}/success`, ["boolean","null"], "GetSessionParticipantDetailsResponse.success");
  }
}

/** Checks a value against `ErrorEnvelope`. */
function ErrorEnvelope(value: unknown, at: string, c: Checker, nullable: boolean): void {
  c.oneOf(value, `${at}`, [["RealtimeKitErrorEnvelope", RealtimeKitErrorEnvelope], ["CloudflareErrorEnvelope", CloudflareErrorEnvelope]], nullable);
}

/** Checks a value against `GetParticipantDataFromPeerIdResponse`. */
function GetParticipantDataFromPeerIdResponse(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "GetParticipantDataFromPeerIdResponse", nullable);
  if (!found) return;
  const [v, p] = found;
  if (Object.hasOwn(v, "data")) {
    if (v["data"] !== null) {
      PeerParticipant(v["data"], `${p}/data`, c, true);
    }
  }
  if (Object.hasOwn(v, "success")) {
    c.type(v["success"], `${p}/success`, ["boolean","null"], "GetParticipantDataFromPeerIdResponse.success");
  }
}

/** Checks a value against `ParticipantDetails`. */
function ParticipantDetails(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "ParticipantDetails", nullable);
  if (!found) return;
  const [v, p] = found;
  if (Object.hasOwn(v, "participant")) {
    if (v["participant"] !== null) {
      Participant(v["participant"], `${p}/participant`, c, true);
    }
  }
}

/** Checks a value against `RealtimeKitErrorEnvelope`. */
function RealtimeKitErrorEnvelope(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "RealtimeKitErrorEnvelope", nullable);
  if (!found) return;
  const [v, p] = found;
  c.required(v, p, ["success","error"], "RealtimeKitErrorEnvelope");
  if (Object.hasOwn(v, "success")) {
    if (c.type(v["success"], `${p}/success`, ["boolean"], "RealtimeKitErrorEnvelope.success")) {
      c.enum(v["success"], `${p}/success`, [false], "RealtimeKitErrorEnvelope.success");
    }
  }
  if (Object.hasOwn(v, "error")) {
    ErrorMessage(v["error"], `${p}/error`, c, false);
  }
}

/** Checks a value against `CloudflareErrorEnvelope`. */
function CloudflareErrorEnvelope(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "CloudflareErrorEnvelope", nullable);
  if (!found) return;
  const [v, p] = found;
  c.required(v, p, ["success","errors","messages","result"], "CloudflareErrorEnvelope");
  if (Object.hasOwn(v, "success")) {
    if (c.type(v["success"], `${p}/success`, ["boolean"], "CloudflareErrorEnvelope.success")) {
      c.enum(v["success"], `${p}/success`, [false], "CloudflareErrorEnvelope.success");
    }
  }
  if (Object.hasOwn(v, "errors")) {
    if (c.type(v["errors"], `${p}/errors`, ["array"], "CloudflareErrorEnvelope.errors")) {
      if (Array.isArray(v["errors"])) v["errors"].forEach((v__errors___item: unknown, i: number) => {
        ErrorMessage(v__errors___item, `${p}/errors/${i}`, c, false);
      });
    }
  }
  if (Object.hasOwn(v, "messages")) {
    if (c.type(v["messages"], `${p}/messages`, ["array"], "CloudflareErrorEnvelope.messages")) {
      if (Array.isArray(v["messages"])) v["messages"].forEach((v__messages___item: unknown, i: number) => {
        ErrorMessage(v__messages___item, `${p}/messages/${i}`, c, false);
      });
    }
  }
  if (Object.hasOwn(v, "result")) {
    c.type(v["result"], `${p}/result`, ["null"], "CloudflareErrorEnvelope.result");
  }
}

/** Checks a value against `PeerParticipant`. */
function PeerParticipant(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "PeerParticipant", nullable);
  if (!found) return;
  const [v, p] = found;
  if (Object.hasOwn(v, "id")) {
    c.type(v["id"], `${p}/id`, ["string","null"], "PeerParticipant.id");
  }
  if (Object.hasOwn(v, "created_at")) {
    c.type(v["created_at"], `${p}/created_at`, ["string","null"], "PeerParticipant.created_at");
  }
  if (Object.hasOwn(v, "custom_participant_id")) {
    c.type(v["custom_participant_id"], `${p}/custom_participant_id`, ["string","null"], "PeerParticipant.custom_participant_id");
  }
  if (Object.hasOwn(v, "display_name")) {
    c.type(v["display_name"], `${p}/display_name`, ["string","null"], "PeerParticipant.display_name");
  }
  if (Object.hasOwn(v, "duration")) {
    c.type(v["duration"], `${p}/duration`, ["number","null"], "PeerParticipant.duration");
  }
  if (Object.hasOwn(v, "joined_at")) {
    c.type(v["joined_at"], `${p}/joined_at`, ["string","null"], "PeerParticipant.joined_at");
  }
  if (Object.hasOwn(v, "left_at")) {
    c.type(v["left_at"], `${p}/left_at`, ["string","null"], "PeerParticipant.left_at");
  }
  if (Object.hasOwn(v, "peer_events")) {
    if (c.type(v["peer_events"], `${p}/peer_events`, ["array","null"], "PeerParticipant.peer_events")) {
      if (Array.isArray(v["peer_events"])) v["peer_events"].forEach((v__peer_events___item: unknown, i: number) => {
        c.type(v__peer_events___item, `${p}/peer_events/${i}`, ["object"], "PeerParticipant.peer_events[]");
      });
    }
  }
  if (Object.hasOwn(v, "peer_report")) {
    if (v["peer_report"] !== null) {
      PeerReport(v["peer_report"], `${p}/peer_report`, c, true);
    }
  }
  if (Object.hasOwn(v, "preset_name")) {
    c.type(v["preset_name"], `${p}/preset_name`, ["string","null"], "PeerParticipant.preset_name");
  }
  if (Object.hasOwn(v, "session_id")) {
    if (c.type(v["session_id"], `${p}/session_id`, ["string","null"], "PeerParticipant.session_id")) {
      c.format(v["session_id"], `${p}/session_id`, "uuid", "PeerParticipant.session_id");
    }
  }
  if (Object.hasOwn(v, "updated_at")) {
    c.type(v["updated_at"], `${p}/updated_at`, ["string","null"], "PeerParticipant.updated_at");
  }
  if (Object.hasOwn(v, "user_id")) {
    c.type(v["user_id"], `${p}/user_id`, ["string","null"], "PeerParticipant.user_id");
  }
}

/** Checks a value against `Participant`. */
function Participant(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "Participant", nullable);
  if (!found) return;
  const [v, p] = found;
  if (Object.hasOwn(v, "id")) {
    c.type(v["id"], `${p}/id`, ["string","null"], "Participant.id");
  }
  if (Object.hasOwn(v, "created_at")) {
    c.type(v["created_at"], `${p}/created_at`, ["string","null"], "Participant.created_at");
  }
  if (Object.hasOwn(v, "custom_participant_id")) {
    c.type(v["custom_participant_id"], `${p}/custom_participant_id`, ["string","null"], "Participant.custom_participant_id");
  }
  if (Object.hasOwn(v, "display_name")) {
    c.type(v["display_name"], `${p}/display_name`, ["string","null"], "Participant.display_name");
  }
  if (Object.hasOwn(v, "duration")) {
    c.type(v["duration"], `${p}/duration`, ["number","null"], "Participant.duration");
  }
  if (Object.hasOwn(v, "joined_at")) {
    c.type(v["joined_at"], `${p}/joined_at`, ["string","null"], "Participant.joined_at");
  }
  if (Object.hasOwn(v, "left_at")) {
    c.type(v["left_at"], `${p}/left_at`, ["string","null"], "Participant.left_at");
  }
  if (Object.hasOwn(v, "peer_events")) {
    if (c.type(v["peer_events"], `${p}/peer_events`, ["array","null"], "Participant.peer_events")) {
      if (Array.isArray(v["peer_events"])) v["peer_events"].forEach((v__peer_events___item: unknown, i: number) => {
        PeerEvent(v__peer_events___item, `${p}/peer_events/${i}`, c, false);
      });
    }
  }
  if (Object.hasOwn(v, "preset_name")) {
    c.type(v["preset_name"], `${p}/preset_name`, ["string","null"], "Participant.preset_name");
  }
  if (Object.hasOwn(v, "updated_at")) {
    c.type(v["updated_at"], `${p}/updated_at`, ["string","null"], "Participant.updated_at");
  }
  if (Object.hasOwn(v, "user_id")) {
    c.type(v["user_id"], `${p}/user_id`, ["string","null"], "Participant.user_id");
  }
}

/** Checks a value against `ErrorMessage`. */
function ErrorMessage(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "ErrorMessage", nullable);
  if (!found) return;
  const [v, p] = found;
  c.required(v, p, ["code","message"], "ErrorMessage");
  if (Object.hasOwn(v, "code")) {
    c.type(v["code"], `${p}/code`, ["integer"], "ErrorMessage.code");
  }
  if (Object.hasOwn(v, "message")) {
    c.type(v["message"], `${p}/message`, ["string"], "ErrorMessage.message");
  }
}

/** Checks a value against `PeerReport`. */
function PeerReport(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "PeerReport", nullable);
  if (!found) return;
  const [v, p] = found;
  if (Object.hasOwn(v, "metadata")) {
    c.type(v["metadata"], `${p}/metadata`, ["object","null"], "PeerReport.metadata");
  }
  if (Object.hasOwn(v, "quality")) {
    c.type(v["quality"], `${p}/quality`, ["object","null"], "PeerReport.quality");
  }
}

/** Checks a value against `PeerEvent`. */
function PeerEvent(value: unknown, at: string, c: Checker, nullable: boolean): void {
  const found = c.object(value, at, "PeerEvent", nullable);
  if (!found) return;
  const [v, p] = found;
  if (Object.hasOwn(v, "id")) {
    c.type(v["id"], `${p}/id`, ["string","null"], "PeerEvent.id");
  }
  if (Object.hasOwn(v, "created_at")) {
    c.type(v["created_at"], `${p}/created_at`, ["string","null"], "PeerEvent.created_at");
  }
  if (Object.hasOwn(v, "event_name")) {
    if (c.type(v["event_name"], `${p}/event_name`, ["string","null"], "PeerEvent.event_name")) {
      c.enum(v["event_name"], `${p}/event_name`, ["PEER_CREATED","PEER_JOINING","PEER_LEAVING",null], "PeerEvent.event_name");
    }
  }
  if (Object.hasOwn(v, "minutes_consumed")) {
    c.type(v["minutes_consumed"], `${p}/minutes_consumed`, ["number","null"], "PeerEvent.minutes_consumed");
  }
  if (Object.hasOwn(v, "participant_id")) {
    c.type(v["participant_id"], `${p}/participant_id`, ["string","null"], "PeerEvent.participant_id");
  }
  if (Object.hasOwn(v, "peer_id")) {
    c.type(v["peer_id"], `${p}/peer_id`, ["string","null"], "PeerEvent.peer_id");
  }
  if (Object.hasOwn(v, "preset_view_type")) {
    if (c.type(v["preset_view_type"], `${p}/preset_view_type`, ["string","null"], "PeerEvent.preset_view_type")) {
      c.enum(v["preset_view_type"], `${p}/preset_view_type`, ["GROUP_CALL","WEBINAR","AUDIO_ROOM","LIVESTREAM","CHAT",null], "PeerEvent.preset_view_type");
    }
  }
  if (Object.hasOwn(v, "session_id")) {
    c.type(v["session_id"], `${p}/session_id`, ["string","null"], "PeerEvent.session_id");
  }
  if (Object.hasOwn(v, "socket_session_id")) {
    c.type(v["socket_session_id"], `${p}/socket_session_id`, ["string","null"], "PeerEvent.socket_session_id");
  }
  if (Object.hasOwn(v, "updated_at")) {
    c.type(v["updated_at"], `${p}/updated_at`, ["string","null"], "PeerEvent.updated_at");
  }
}

/** Each schema's validator, by the schema's name in the spec. */
export const validators: Record<string, (value: unknown, at: string, c: Checker, nullable: boolean) => void> = {
  "GetSessionParticipantDetailsResponse": GetSessionParticipantDetailsResponse,
  "ErrorEnvelope": ErrorEnvelope,
  "GetParticipantDataFromPeerIdResponse": GetParticipantDataFromPeerIdResponse,
  "ParticipantDetails": ParticipantDetails,
  "RealtimeKitErrorEnvelope": RealtimeKitErrorEnvelope,
  "CloudflareErrorEnvelope": CloudflareErrorEnvelope,
  "PeerParticipant": PeerParticipant,
  "Participant": Participant,
  "ErrorMessage": ErrorMessage,
  "PeerReport": PeerReport,
  "PeerEvent": PeerEvent,
};

/** The properties of each described object, by base JSON type; `objects` names those that hold a described object. */
export const shapes: Record<string, { properties: Record<string, string>; objects: Record<string, string>; open: boolean }> = {
  "GetSessionParticipantDetailsResponse": {
    "properties": {
      "data": "object",
      "success": "boolean"
    },
    "objects": {
      "data": "ParticipantDetails"
    },
    "open": true
  },
  "GetParticipantDataFromPeerIdResponse": {
    "properties": {
      "data": "object",
      "success": "boolean"
    },
    "objects": {
      "data": "PeerParticipant"
    },
    "open": true
  },
  "ParticipantDetails": {
    "properties": {
      "participant": "object"
    },
    "objects": {
      "participant": "Participant"
    },
    "open": true
  },
  "RealtimeKitErrorEnvelope": {
    "properties": {
      "success": "boolean",
      "error": "object"
    },
    "objects": {
      "error": "ErrorMessage"
    },
    "open": true
  },
  "CloudflareErrorEnvelope": {
    "properties": {
      "success": "boolean",
      "errors": "array",
      "messages": "array",
      "result": "object"
    },
    "objects": {},
    "open": true
  },
  "PeerParticipant": {
    "properties": {
      "id": "string",
      "created_at": "string",
      "custom_participant_id": "string",
      "display_name": "string",
      "duration": "number",
      "joined_at": "string",
      "left_at": "string",
      "peer_events": "array",
      "peer_report": "object",
      "preset_name": "string",
      "session_id": "string",
      "updated_at": "string",
      "user_id": "string"
    },
    "objects": {
      "peer_report": "PeerReport"
    },
    "open": true
  },
  "Participant": {
    "properties": {
      "id": "string",
      "created_at": "string",
      "custom_participant_id": "string",
      "display_name": "string",
      "duration": "number",
      "joined_at": "string",
      "left_at": "string",
      "peer_events": "array",
      "preset_name": "string",
      "updated_at": "string",
      "user_id": "string"
    },
    "objects": {},
    "open": true
  },
  "ErrorMessage": {
    "properties": {
      "code": "integer",
      "message": "string"
    },
    "objects": {},
    "open": true
  },
  "PeerReport": {
    "properties": {
      "metadata": "object",
      "quality": "object"
    },
    "objects": {},
    "open": true
  },
  "PeerEvent": {
    "properties": {
      "id": "string",
      "created_at": "string",
      "event_name": "string",
      "minutes_consumed": "number",
      "participant_id": "string",
      "peer_id": "string",
      "preset_view_type": "string",
      "session_id": "string",
      "socket_session_id": "string",
      "updated_at": "string"
    },
    "objects": {},
    "open": true
  }
};

/** The schema of each operation's JSON response, by status as the spec writes it ("200", "4XX", "default"). */
export const responses: Record<string, Record<string, string>> = {
  "getSessionParticipantDetails": {
    "200": "GetSessionParticipantDetailsResponse",
    "4XX": "ErrorEnvelope",
    "5XX": "ErrorEnvelope",
  },
  "getParticipantDataFromPeerId": {
    "200": "GetParticipantDataFromPeerIdResponse",
    "4XX": "ErrorEnvelope",
    "5XX": "ErrorEnvelope",
  },
};
