import { readFileSync } from "node:fs";

/** Ids that pass the spec's rules, used wherever a test is not about the ids themselves. */
export const ids = {
  account_id: "0123456789abcdef0123456789abcdef",
  app_id: "my-app",
  session_id: "9e0a5a9c-6a1b-4c55-9a4f-2f0b1c3d4e5f",
  participant_id: "3f1c8a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5b",
  peer_id: "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
};

/** The path (below the base URL) of the participant-details operation. */
export function participantPath(over: Partial<typeof ids> = {}): string {
  const p = { ...ids, ...over };
  return `/accounts/${p.account_id}/realtime/kit/${p.app_id}/sessions/${p.session_id}/participants/${p.participant_id}`;
}

/** The path (below the base URL) of the peer-report operation. */
export function peerReportPath(over: Partial<typeof ids> = {}): string {
  const p = { ...ids, ...over };
  return `/accounts/${p.account_id}/realtime/kit/${p.app_id}/sessions/peer-report/${p.peer_id}`;
}

/** A GET with a token, bounded so a broken server fails the test instead of hanging it. */
export function get(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    ...init,
    headers: { authorization: "Bearer test-token", ...(init.headers as Record<string, string> | undefined) },
    signal: init.signal ?? AbortSignal.timeout(5_000),
  });
}

/** The documented body of a spec example file, read from spec/examples (the source of truth). */
export function documentedExample(file: string): Record<string, unknown> {
  const url = new URL(`../../../../spec/examples/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")).value;
}
