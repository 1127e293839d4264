import type {
  GetParticipantDataFromPeerIdResponse,
  GetSessionParticipantDetailsResponse,
  Participant,
  PeerParticipant,
} from "@realtimekit-api/types";
import { visible } from "./encode.js";
import { type Line, styled } from "./output.js";
import { formatQuality } from "./quality.js";

type Value = string | number | boolean | null | undefined;
const shown = (value: Value) => (value === null || value === undefined || value === "" ? "-" : String(value));

/** Columns a cell takes once written: its text after output encoding, a code point a column. */
const width = (text: string) => [...visible(text)].length;
const pad = (text: string, columns: number) => text + " ".repeat(Math.max(0, columns - width(text)));

/** Left-aligned `label  value` lines, skipping none, so a missing field shows as `-` rather than vanishing. */
function fields(rows: [string, Value][]): Line[] {
  const columns = Math.max(...rows.map(([label]) => width(label))) + 2;
  return rows.map(([label, value]) => ["  ", styled("label", pad(label, columns)), shown(value)]);
}

/**
 * A plain text table: a header row, then one row per entry, columns padded to their widest cell as the
 * cells will be written (control characters take the width of their visible escapes).
 */
export function table(header: string[], rows: Value[][]): string[] {
  const cells = [header, ...rows.map((row) => row.map(shown))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => width(row[i] ?? ""))));
  return cells.map((row) =>
    `  ${row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell ?? "", widths[i] ?? 0))).join("  ")}`.trimEnd(),
  );
}

/** A section heading, e.g. `Peer events (2)`. */
export const heading = (text: string): Line => styled("heading", text);

/** A short one-line rendering of a free-form JSON value. */
function brief(value: unknown, max = 60): string {
  const raw = typeof value === "string" ? value : JSON.stringify(value);
  if (raw === undefined) return "-";
  // Measured as it will be written, so a value full of escaped control characters stays one short line.
  const text = [...visible(raw)];
  return text.length > max ? `${text.slice(0, max - 1).join("")}…` : text.join("");
}

/**
 * The peer-events table both bodies share, its header styled as a label. A participant's events are typed
 * `PeerEvent`s; a peer report's are free-form objects in the spec (as in Cloudflare's), so a value of another
 * type is shown briefly in its cell rather than breaking the row.
 */
function peerEventTable(events: readonly { [key: string]: unknown }[]): Line[] {
  const cell = (value: unknown): Value =>
    value === null || value === undefined || typeof value === "string" || typeof value === "number"
      ? value
      : brief(value, 40);
  const [header = "", ...rows] = table(
    ["EVENT", "VIEW TYPE", "CREATED", "MINUTES", "PEER ID"],
    events.map((e) =>
      [e.event_name, e.preset_view_type, e.created_at, e.minutes_consumed, e.peer_id].map(cell),
    ),
  );
  return [styled("label", header), ...rows];
}

const minutes = (value: number | null | undefined) =>
  typeof value === "number" ? `${value} min` : undefined;

/** The rows both bodies share: a participant and the participant behind a peer carry the same fields. */
const who = (p: Participant | PeerParticipant): [[string, Value], ...[string, Value][]] => [
  ["id", p.id],
  ["user id", p.user_id],
  ["custom id", p.custom_participant_id],
  ["preset", p.preset_name],
  ["joined", p.joined_at],
  ["left", p.left_at],
  ["duration", minutes(p.duration)],
  ["created", p.created_at],
  ["updated", p.updated_at],
];

/** The participant details a person wants to read: who, which preset, when, how long, and its peer events. */
export function formatParticipant(body: GetSessionParticipantDetailsResponse): Line[] {
  const p = body.data?.participant;
  if (!p) return ["No participant in the response."];
  const lines: Line[] = [[styled("heading", "Participant "), shown(p.display_name)], ...fields(who(p))];
  const events = p.peer_events ?? [];
  if (p.peer_events !== undefined && p.peer_events !== null) {
    lines.push("", heading(`Peer events (${events.length})`));
    if (events.length > 0) {
      lines.push(...peerEventTable(events));
    }
  }
  return lines;
}

/** A peer's participant details, plus its report's metadata and the quality keys it carries. */
export function formatPeerReport(body: GetParticipantDataFromPeerIdResponse): Line[] {
  const d = body.data;
  if (!d) return ["No peer in the response."];
  const [id, ...rest] = who(d);
  const lines: Line[] = [
    [styled("heading", "Peer "), shown(d.display_name)],
    ...fields([id, ["session", d.session_id], ...rest]),
  ];
  if (d.peer_events) {
    lines.push("", heading(`Peer events (${d.peer_events.length})`));
    if (d.peer_events.length > 0) lines.push(...peerEventTable(d.peer_events));
  }
  const metadata = Object.entries(d.peer_report?.metadata ?? {});
  lines.push("", heading(`Report metadata (${metadata.length})`));
  if (metadata.length > 0) lines.push(...fields(metadata.map(([key, value]) => [key, brief(value)])));
  lines.push("", ...formatQuality(d.peer_report?.quality));
  return lines;
}
