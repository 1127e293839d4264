// examples/msw.test.ts: the mock as MSW handlers, intercepting the real API's URL.
import { createRealtimeKitClient } from "@realtimekit-api/client";
import { createHandlers } from "@realtimekit-api/mock/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

const mock = createHandlers(); // https://api.cloudflare.com/client/v4 unless you give a baseURL
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.clearScripts());
afterAll(() => server.close());

it("gets a peer report from the client's default base URL, with nothing sent anywhere", async () => {
  const rtk = createRealtimeKitClient({ apiToken: "fake-token", accountId: "acc", appId: "app" });
  const peer = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  const { data } = await rtk.sessions.getParticipantDataFromPeerId(peer);
  const [firstSample] = (data?.peer_report?.quality?.audio_producer ?? []) as { mos_quality: number }[];
  expect(firstSample?.mos_quality).toBeGreaterThanOrEqual(1);
  expect(mock.requests[0]?.path).toBe(
    `/client/v4/accounts/acc/realtime/kit/app/sessions/peer-report/${peer}`,
  );
});
