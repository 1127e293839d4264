import { familyNames, givenNames, presets } from "./catalog.js";
import { createRandom, type Random, round } from "./random.js";

/** The facts of one participant's visit to a session, from which both operations' bodies are built. */
export interface Person {
  displayName: string;
  userId: string;
  customParticipantId: string;
  preset: (typeof presets)[number];
  /** The session the peer report places this person in (the participant operation takes it from the path). */
  sessionId: string;
  socketSessionId: string;
  /** Milliseconds since the epoch, in this order: created ≤ joined ≤ left ≤ updated. */
  created: number;
  joined: number;
  left: number;
  updated: number;
  /** Minutes between joining and leaving, to two decimals, as the API's `duration`. */
  duration: number;
}

// Calls happen between 2025-01-01 and mid-2026, in working hours UTC: fixed, not relative to now, so a
// seed gives the same body next year too.
const firstDay = Date.UTC(2025, 0, 1);
const second = 1_000;
const minute = 60 * second;
const day = 24 * 60 * minute;

/** The person behind a participant (or peer) id under a seed: the same id and seed, the same person. */
export function personFor(seed: string | number, id: string): Person {
  const random = createRandom(seed, "person", id);
  const given = random.pick(givenNames);
  const family = random.pick(familyNames);
  const created =
    firstDay + random.int(0, 540) * day + random.int(7 * 60, 19 * 60) * minute + random.int(0, 59_999);
  const joined = created + random.int(2, 40) * second + random.int(0, 999);
  // Whole seconds in the call, so `duration` (two decimals of a minute) is within 0.005 of the timestamps.
  const stay = random.int(3 * 60, 95 * 60) * second;
  const left = joined + stay;
  const updated = left + random.int(1, 30) * second + random.int(0, 999);
  return {
    displayName: `${given} ${family}`,
    userId: random.uuid(),
    customParticipantId: customId(random, given, family),
    preset: random.pick(presets),
    sessionId: random.uuid(),
    socketSessionId: random.uuid(),
    created,
    joined,
    left,
    updated,
    duration: round(stay / minute, 2),
  };
}

// What apps pass as their own id: an email-like handle or an account number.
function customId(random: Random, given: string, family: string): string {
  if (random.chance(0.5)) return `usr_${random.hex(12)}`;
  const handle = `${given}.${family}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  return `${handle}@example.com`;
}

/** An ISO 8601 UTC timestamp with milliseconds, as the API writes them. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
