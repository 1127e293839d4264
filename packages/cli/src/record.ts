import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Middleware } from "@realtimekit-api/client";
import { driftLines, driftReport } from "@realtimekit-api/client/drift";

/** The only headers a recording keeps: the id Cloudflare support asks for, and what the body is. */
const keptHeaders = ["cf-ray", "content-type"] as const;

/** One response as `--record` saves it, and `pnpm check:recorded` reads it. */
export interface Recording {
  operationId: string;
  status: number;
  /** When it was recorded, ISO 8601 in UTC. */
  recordedAt: string;
  /** `cf-ray` and `content-type`, when the response had them; no other header. */
  headers: Record<string, string>;
  /** The body: parsed JSON, else its text. */
  body: unknown;
}

/** The status and kept headers of a call's final response, noted by middleware (it runs once per call). */
export function answerCatcher() {
  let answer: { status: number; headers: Record<string, string> } | undefined;
  const middleware: Middleware = {
    onResponse({ response }) {
      answer = { status: response.status, headers: keep(response.headers) };
    },
  };
  return { middleware, answer: () => answer };
}

/** The kept headers of a response. */
export const keep = (headers: Headers): Record<string, string> =>
  Object.fromEntries(
    keptHeaders.flatMap((name) => (headers.has(name) ? [[name, headers.get(name) ?? ""]] : [])),
  );

/** Makes the folder if need be and checks it can be written, before any request is sent; throws if not. */
export function prepareFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
}

/**
 * Writes `recording` to `<dir>/<operationId>-<time>.json` (the folder made if need be) and answers the
 * path. The token is cut out wherever a server echoed it. Never overwrites: a second recording in the same
 * millisecond gets `-2`, `-3`, … Throws the file system's error when the folder cannot be written.
 */
export function saveRecording(
  dir: string,
  recording: Recording,
  secrets: string | readonly string[],
): string {
  mkdirSync(dir, { recursive: true });
  // Each secret (the token, or the key and email) as it appears inside a JSON string, so an echo of it in
  // any key or value is found.
  let text = `${JSON.stringify(recording, null, 2)}\n`;
  for (const secret of [secrets].flat()) {
    if (secret) text = text.split(JSON.stringify(secret).slice(1, -1)).join("[redacted]");
  }
  const stem = `${recording.operationId}-${recording.recordedAt.replace(/[:.]/g, "-")}`;
  for (let n = 1; ; n++) {
    const file = join(dir, `${stem}${n === 1 ? "" : `-${n}`}.json`);
    try {
      writeFileSync(file, text, { flag: "wx" });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** `--strict`'s report of one response on stderr: empty when the body is what the spec describes. */
export function strictReport(operationId: string, body: unknown, status: number): string {
  const report = driftReport(operationId, body, status);
  if (report.differences.length === 0) return "";
  const count = report.differences.length;
  return [
    `realtimekit: the ${status} response of ${operationId} differs from the spec in ${count} ${count === 1 ? "place" : "places"}:`,
    ...driftLines(report).map((line) => `  ${line}`),
    "",
  ].join("\n");
}
