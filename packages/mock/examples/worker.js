// examples/worker.js: the mock inside workerd. A Worker (or a test running in the Workers runtime) gives
// the client the in-process fetch; the package's "workerd" export has no Node built-in.
import { createRealtimeKitClient } from "@realtimekit-api/client";
import { createMockFetch } from "@realtimekit-api/mock";

export default {
  async fetch(request) {
    const mock = createMockFetch({ seed: "worker" });
    const rtk = createRealtimeKitClient({
      fetch: mock.fetch,
      baseURL: mock.baseURL,
      apiToken: "fake-token",
      accountId: "acc",
      appId: "app",
    });
    const peerId = new URL(request.url).pathname.slice(1);
    const { data } = await rtk.sessions.getParticipantDataFromPeerId(peerId);
    return Response.json({
      name: data?.display_name,
      quality: Object.keys(data?.peer_report?.quality ?? {}),
    });
  },
};
