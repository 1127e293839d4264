// examples/fetch.test.ts: the mock in-process, no socket: unit tests, browsers, Workers.
import { createRealtimeKitClient, NotFoundError } from "@realtimekit-api/client";
import { createMockFetch } from "@realtimekit-api/mock";
import { expect, it } from "vitest";

it("pins the fields a test is about, and 404s every id it did not set", async () => {
  const mock = createMockFetch({ seed: "my-test", unknownIds: "404" });
  const rtk = createRealtimeKitClient({ fetch: mock.fetch, baseURL: mock.baseURL, apiToken: "fake-token" });
  const peer = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  mock.peers.set(peer, {
    display_name: "Ada Lovelace",
    peer_report: { metadata: { device_info: { os: "iOS" } } },
  });

  const { data } = await rtk.sessions.getParticipantDataFromPeerId(peer, {
    account_id: "acc",
    app_id: "app",
  });
  expect(data?.display_name).toBe("Ada Lovelace");
  // Deep-merged: the generated statistics around the pinned field are still there.
  expect(data?.peer_report?.metadata?.device_info).toMatchObject({ os: "iOS", cpus: expect.any(Number) });

  const other = "00000000-0000-4000-8000-000000000001";
  await expect(
    rtk.sessions.getParticipantDataFromPeerId(other, { account_id: "acc", app_id: "app" }),
  ).rejects.toBeInstanceOf(NotFoundError);
});
