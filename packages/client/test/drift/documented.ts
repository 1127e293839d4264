import { readFileSync } from "node:fs";

/** A documented 200 example from spec/examples (an OpenAPI Example Object), as a fresh copy to change. */
export const documented = (
  operation: "get-session-participant-details" | "get-participant-data-from-peer-id",
  // biome-ignore lint/suspicious/noExplicitAny: tests reach into example bodies of any shape
): any =>
  JSON.parse(readFileSync(new URL(`../../../../spec/examples/${operation}.json`, import.meta.url), "utf8"))
    .value;

/** A recorded response, as `realtimekit --record` writes it. */
export interface Recorded {
  operationId: string;
  status: number;
  recordedAt: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A historic fixture from test/drift/fixtures/historic. */
export const historic = (name: string): Recorded =>
  JSON.parse(readFileSync(new URL(`./fixtures/historic/${name}.json`, import.meta.url), "utf8"));
