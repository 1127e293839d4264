// examples/server.test.ts: the mock on a loopback port, for tests that exercise the real network stack.
import { createRealtimeKitClient, RateLimitError } from "@realtimekit-api/client";
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { afterAll, beforeAll, expect, it } from "vitest";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer(); // 127.0.0.1, a free port
});
afterAll(() => server.close());

it("reads a participant and survives a rate limit", async () => {
  const rtk = createRealtimeKitClient({
    baseURL: server.baseURL, // http://127.0.0.1:<port>/client/v4
    apiToken: "fake-token",
    accountId: "my-account",
    appId: "my-app",
    maxRetries: 0,
  });
  const session = "9e0a5a9c-6a1b-4c55-9a4f-2f0b1c3d4e5f";
  const participant = "3f1c8a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5b";
  const { data } = await rtk.sessions.getSessionParticipantDetails(participant, {
    session_id: session,
    include_peer_events: true,
  });
  expect(data?.participant?.id).toBe(participant); // path ids are echoed
  expect(data?.participant?.peer_events?.map((e) => e.event_name)).toEqual([
    "PEER_CREATED",
    "PEER_JOINING",
    "PEER_LEAVING",
  ]);

  server.script("getSessionParticipantDetails", [{ status: 429, headers: { "retry-after": "1" } }]);
  await expect(
    rtk.sessions.getSessionParticipantDetails(participant, { session_id: session }),
  ).rejects.toBeInstanceOf(RateLimitError);
  expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer [REDACTED]");
});
