import { table } from "./format.js";

type Sample = Record<string, unknown>;

/** The per-track statistics a peer report's `quality` carries: what the table shows. */
const measured = ["mos_quality", "packets_lost", "jitter", "rtt"];

/**
 * A peer report's `quality` as a person reads it: one row per track that has samples (MOS, packet loss,
 * jitter, RTT), then the names of the keys the table does not cover. Without any such track, the plain
 * list of keys. Summaries come from the track's `<track>_cumulative` where it has them (as RealtimeKit
 * computes them), else from the samples. Units: packet loss in percent; jitter and RTT in milliseconds,
 * as the field names of the cumulative summaries (`100ms_or_greater_event_fraction`) imply.
 */
export function formatQuality(quality: Record<string, unknown> | null | undefined): string[] {
  const entries = Object.entries(quality ?? {});
  const tracks = entries.filter(
    ([, value]) =>
      Array.isArray(value) &&
      value.length > 0 &&
      value.some((sample) => isRecord(sample) && measured.some((key) => typeof sample[key] === "number")),
  );
  if (tracks.length === 0) {
    const lines = [`Quality keys (${entries.length})`];
    if (entries.length > 0) lines.push(`  ${entries.map(([key]) => visible(key)).join(", ")}`);
    return lines;
  }
  const shown = new Set(tracks.flatMap(([key]) => [key, `${key}_cumulative`]));
  const rows = tracks.map(([key, value]) => {
    const samples = (value as unknown[]).filter(isRecord);
    const cumulative = isRecord(quality?.[`${key}_cumulative`])
      ? (quality?.[`${key}_cumulative`] as Sample)
      : {};
    return [
      visible(key.replaceAll("_", " ")),
      samples.length,
      fixed(at(cumulative, "quality_mos", "avg") ?? mean(samples, "mos_quality"), 2),
      percent(at(cumulative, "packet_loss", "avg") ?? lossPercent(samples)),
      milliseconds(mean(samples, "jitter")),
      milliseconds(at(cumulative, "rtt", "avg") ?? mean(samples, "rtt")),
    ];
  });
  const lines = [
    `Quality (${tracks.length} track${tracks.length === 1 ? "" : "s"})`,
    ...table(["TRACK", "SAMPLES", "MOS", "LOSS", "JITTER", "RTT"], rows),
  ];
  const others = entries.filter(([key]) => !shown.has(key)).map(([key]) => visible(key));
  if (others.length > 0) lines.push("", `Other quality keys (${others.length})`, `  ${others.join(", ")}`);
  return lines;
}

function isRecord(value: unknown): value is Sample {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(record: Sample, group: string, key: string): number | undefined {
  const inner = record[group];
  const value = isRecord(inner) ? inner[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function mean(samples: Sample[], key: string): number | undefined {
  const values = samples
    .map((s) => s[key])
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

// Lost over everything that was sent (a producer) or was due to arrive (a consumer: received + lost).
function lossPercent(samples: Sample[]): number | undefined {
  let lost = 0;
  let total = 0;
  for (const s of samples) {
    if (typeof s.packets_lost !== "number") continue;
    const count =
      typeof s.packets_sent === "number" ? s.packets_sent : (s.packets_received as number) + s.packets_lost;
    if (!Number.isFinite(count)) continue;
    lost += s.packets_lost;
    total += count;
  }
  return total > 0 ? (100 * lost) / total : undefined;
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined ? undefined : value.toFixed(digits);
const percent = (value: number | undefined) => (value === undefined ? undefined : `${value.toFixed(2)} %`);
const milliseconds = (value: number | undefined) =>
  value === undefined ? undefined : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

// A key is the API's (or whoever answered): show a control character as a visible escape, never raw.
function visible(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\u${code.toString(16).padStart(4, "0")}` : c;
  }
  return out;
}
