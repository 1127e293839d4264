// A consumer's Worker that imports only what runs in workerd: createMockCore and createMockFetch from
// the package root (the "workerd" export condition), and the client. Bundled and run by workerd.test.ts.
import { createRealtimeKitClient } from "@realtimekit-api/client";
import { createMockCore, createMockFetch } from "@realtimekit-api/mock";

// The mock itself served by the Worker: requests under /client/v4 answer from the core.
const core = createMockCore({ seed: "workerd" });

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/client/v4/")) return core.fetch(request);

    // The client in the isolate, given the in-process mock's fetch.
    const mock = createMockFetch({
      seed: "workerd",
      scripts: { getParticipantDataFromPeerId: [{ delay: 20 }, { reset: true }] },
    });
    const client = createRealtimeKitClient({
      fetch: mock.fetch,
      baseURL: mock.baseURL,
      apiToken: "fake-token",
      accountId: "acc",
      appId: "app",
      maxRetries: 0,
    });
    const peerId = url.searchParams.get("peer") ?? "";
    const delayed = await client.sessions.getParticipantDataFromPeerId(peerId);
    const reset = await client.sessions.getParticipantDataFromPeerId(peerId).then(
      () => "answered",
      (error) => `${error.name}: ${error.cause?.name ?? ""}`,
    );
    return Response.json({
      name: delayed.data?.display_name,
      id: delayed.data?.id,
      reset,
      recorded: mock.requests.map((r) => [r.operationId, r.headers.authorization]),
    });
  },
};
