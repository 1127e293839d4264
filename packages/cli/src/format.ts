import type {
  GetParticipantDataFromPeerIdResponse,
  GetSessionParticipantDetailsResponse,
  Participant,
  PeerParticipant,
} from "@realtimekit-api/types";

import { formatQuality } from "./quality.js";

type Value = string | number | boolean | null | undefined;
const shown = (value: Value) => (value === null || value === undefined || value === "" ? "-" : String(value));

/** Left-aligned `label  value` lines, skipping none, so a missing field shows as `-` rather than vanishing. */
function fields(rows: [string, Value][]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `  ${label.padEnd(width)}${shown(value)}`);
}

/** A plain text table: a header row, then one row per entry, columns padded to their widest cell. */
export function table(header: string[], rows: Value[][]): string[] {
  const cells = [header, ...rows.map((row) => row.map(shown))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells.map((row) =>
    `  ${row.map((cell, i) => (i === row.length - 1 ? cell : (cell ?? "").padEnd(widths[i] ?? 0))).join("  ")}`.trimEnd(),
  );
}

/** A short one-line rendering of a free-form JSON value. */
function brief(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === undefined ? "-" : text.length > max ? `${text.slice(0, max - 1)}…` : text;
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
export function formatParticipant(body: GetSessionParticipantDetailsResponse): string {
  const p = body.data?.participant;
  if (!p) return "No participant in the response.\n";
  const lines = [`Participant ${shown(p.display_name)}`, ...fields(who(p))];
  const events = p.peer_events ?? [];
  if (p.peer_events !== undefined && p.peer_events !== null) {
    lines.push("", `Peer events (${events.length})`);
    if (events.length > 0) {
      lines.push(
        ...table(
          ["EVENT", "VIEW TYPE", "CREATED", "MINUTES", "PEER ID"],
          events.map((e) => [e.event_name, e.preset_view_type, e.created_at, e.minutes_consumed, e.peer_id]),
        ),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A peer's participant details, plus its report's metadata and the quality keys it carries. */
export function formatPeerReport(body: GetParticipantDataFromPeerIdResponse): string {
  const d = body.data;
  if (!d) return "No peer in the response.\n";
  const [id, ...rest] = who(d);
  const lines = [`Peer ${shown(d.display_name)}`, ...fields([id, ["session", d.session_id], ...rest])];
  if (d.peer_events) {
    lines.push(
      "",
      `Peer events (${d.peer_events.length})`,
      ...d.peer_events.map((e) => `  ${brief(e, 100)}`),
    );
  }
  const metadata = Object.entries(d.peer_report?.metadata ?? {});
  lines.push("", `Report metadata (${metadata.length})`);
  if (metadata.length > 0) lines.push(...fields(metadata.map(([key, value]) => [key, brief(value)])));
  lines.push("", ...formatQuality(d.peer_report?.quality));
  return `${lines.join("\n")}\n`;
}
