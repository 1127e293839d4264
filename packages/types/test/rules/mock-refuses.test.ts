// What the types let through (the README's table), sent with openapi-fetch and querySerializer: the mock,
// which applies the spec's rules, refuses each with 400 and names the parameter.
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type paths, querySerializer } from "../../src/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const peer = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
it.each([
  [
    "an account_id of 33 characters (maxLength: 32)",
    { account_id: "a".repeat(33), app_id: "my-app", peer_id: peer },
    "account_id",
  ],
  [
    "a peer_id that is not a UUID (format: uuid)",
    { account_id: "my-account", app_id: "my-app", peer_id: "peer-1" },
    "peer_id",
  ],
])("%s", async (_, path, name) => {
  const api = createClient<paths>({
    baseUrl: mock.baseURL,
    headers: { Authorization: "Bearer fake-token" },
    querySerializer,
  });
  const { response, error } = await api.GET(
    "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}",
    { params: { path, query: { filters: ["events"] } } },
  );
  expect(response.status).toBe(400);
  expect(error).toMatchObject({ error: { message: expect.stringContaining(name) } });
});
