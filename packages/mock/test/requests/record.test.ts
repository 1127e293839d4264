import { afterAll, beforeAll, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { ids, participantPath } from "../helpers/api.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

it("records every request, routed or not, with credentials redacted", async () => {
  const before = new Date();
  await fetch(`${server.baseURL}${participantPath()}?filters=events&include_peer_events=true&x=1&x=2`, {
    headers: { authorization: "Bearer secret-token-123", "x-auth-key": "secret-key-456", "x-custom": "kept" },
    signal: AbortSignal.timeout(5_000),
  });
  await fetch(`${server.baseURL}/nowhere`, {
    method: "POST",
    body: "{}",
    signal: AbortSignal.timeout(5_000),
  });

  expect(server.requests).toHaveLength(2);
  const [routed, unrouted] = server.requests;
  expect(routed).toMatchObject({
    method: "GET",
    path: `/client/v4${participantPath()}`,
    query: { filters: "events", include_peer_events: "true", x: ["1", "2"] },
    operationId: "getSessionParticipantDetails",
    params: { session_id: ids.session_id, participant_id: ids.participant_id },
  });
  expect(routed?.headers.authorization).toBe("Bearer [REDACTED]");
  expect(routed?.headers["x-auth-key"]).toBe("[REDACTED]");
  expect(routed?.headers["x-custom"]).toBe("kept");
  expect(routed?.time.getTime()).toBeGreaterThanOrEqual(before.getTime());
  expect(JSON.stringify(server.requests)).not.toMatch(/secret-token-123|secret-key-456/);

  expect(unrouted).toMatchObject({
    method: "POST",
    path: "/client/v4/nowhere",
    operationId: null,
    params: {},
  });
  expect(unrouted?.headers.authorization).toBeUndefined();
});
