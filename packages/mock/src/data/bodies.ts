import type { Json } from "../routes.js";
import { callStats } from "./call-stats.js";
import { iso, type Person, personFor } from "./person.js";
import { createRandom } from "./random.js";

type JsonObject = { [key: string]: Json };

/**
 * The participant-details body for the path's ids under `seed`: a named person who joined and left the
 * session, with peer events in lifecycle order whose `minutes_consumed` add up to `duration`.
 */
export function participantBody(
  seed: string | number,
  params: Record<string, string>,
  includePeerEvents: boolean,
): JsonObject {
  const participantId = params.participant_id ?? "";
  const sessionId = params.session_id ?? "";
  const person = personFor(seed, participantId);
  const participant: JsonObject = {
    id: participantId,
    ...personFields(person),
  };
  // The schema: peer events are "only included when include_peer_events is true".
  if (includePeerEvents)
    participant.peer_events = peerEvents(seed, participantId, participantId, sessionId, person);
  return { data: { participant: sortKeys(participant) }, success: true };
}

/** The peer-report body for the path's peer id under `seed`: the same person, plus the call statistics. */
export function peerReportBody(seed: string | number, params: Record<string, string>): JsonObject {
  const peerId = params.peer_id ?? "";
  const person = personFor(seed, peerId);
  const data: JsonObject = {
    // The schema's `id`: "Participant ID. This maps to the corresponding peerId."
    id: peerId,
    ...personFields(person),
    session_id: person.sessionId,
    peer_events: peerEvents(seed, peerId, peerId, person.sessionId, person),
    peer_report: callStats(seed, peerId, person),
  };
  return { data: sortKeys(data), success: true };
}

function personFields(person: Person): JsonObject {
  return {
    created_at: iso(person.created),
    custom_participant_id: person.customParticipantId,
    display_name: person.displayName,
    duration: person.duration,
    joined_at: iso(person.joined),
    left_at: iso(person.left),
    preset_name: person.preset.name,
    updated_at: iso(person.updated),
    user_id: person.userId,
  };
}

/**
 * PEER_CREATED when the peer is made, PEER_JOINING when it joins, PEER_LEAVING when it leaves; the
 * minutes are booked on leaving, so they add up to the participant's `duration`.
 */
function peerEvents(
  seed: string | number,
  participantId: string,
  peerId: string,
  sessionId: string,
  person: Person,
): JsonObject[] {
  const random = createRandom(seed, "events", participantId, sessionId);
  const steps = [
    ["PEER_CREATED", person.created, 0],
    ["PEER_JOINING", person.joined, 0],
    ["PEER_LEAVING", person.left, person.duration],
  ] as const;
  return steps.map(([eventName, at, minutes]) => ({
    id: random.uuid(),
    created_at: iso(at),
    event_name: eventName,
    minutes_consumed: minutes,
    participant_id: participantId,
    peer_id: peerId,
    preset_view_type: person.preset.viewType,
    session_id: sessionId,
    socket_session_id: person.socketSessionId,
    updated_at: iso(at + random.int(0, 250)),
  }));
}

// The documented examples list fields alphabetically after `id`; generated bodies read the same way.
function sortKeys(record: JsonObject): JsonObject {
  const { id, ...rest } = record;
  const sorted: JsonObject = id === undefined ? {} : { id };
  for (const key of Object.keys(rest).sort()) sorted[key] = rest[key] as Json;
  return sorted;
}
