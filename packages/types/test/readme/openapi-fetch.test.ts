// The README's openapi-fetch example, run as written against the mock: what a team that takes the types
// without our client sends.
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import createClient from "openapi-fetch";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import type { paths } from "../../src/index.js";
import { readmeBlock, runModule } from "../support/readme.js";

const peer = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
let mock: MockServer;
beforeAll(async () => {
  // The documented examples, which the assertions below spell out.
  mock = await startMockServer({ data: "documented" });
});
afterAll(() => mock.close());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

it("sends several filters as one comma-separated value, and gets the peer report", async () => {
  vi.stubEnv("CLOUDFLARE_BASE_URL", mock.baseURL);
  vi.stubEnv("CLOUDFLARE_API_TOKEN", "fake-token");
  // openapi-fetch takes globalThis.fetch when the example creates its client: this sees what goes out.
  const fetch = vi.spyOn(globalThis, "fetch");
  const log = vi.spyOn(console, "log").mockImplementation(() => {});

  await runModule(readmeBlock("// peer.mts"));

  expect(fetch).toHaveBeenCalledTimes(1);
  const sent = fetch.mock.calls[0]?.[0] as Request;
  expect(new URL(sent.url).search).toBe("?filters=quality_stats,device_info");
  expect(mock.requests).toHaveLength(1);
  expect(mock.requests[0]).toMatchObject({
    method: "GET",
    path: `/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/sessions/peer-report/${peer}`,
    query: { filters: "quality_stats,device_info" },
    headers: { authorization: "Bearer [REDACTED]" },
    operationId: "getParticipantDataFromPeerId",
  });
  // The documented report, not the error the mock answers a refused request with.
  expect(log).toHaveBeenCalledTimes(1);
  expect(log.mock.calls[0]?.[0]).toEqual({ foo: "bar" });
});

it("without querySerializer, openapi-fetch repeats filters, and the mock refuses that", async () => {
  const api = createClient<paths>({ baseUrl: mock.baseURL, headers: { Authorization: "Bearer fake-token" } });
  const { response, error } = await api.GET(
    "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}",
    {
      params: {
        path: { account_id: "my-account", app_id: "my-app", peer_id: peer },
        query: { filters: ["quality_stats", "device_info"] },
      },
    },
  );
  expect(mock.requests.at(-1)?.query).toEqual({ filters: ["quality_stats", "device_info"] });
  expect(response.status).toBe(400);
  expect(error).toMatchObject({ error: { message: expect.stringContaining("filters") } });
});
