// A consumer of this client calling both operations: bundled, type-checked and timed by the bench.
import { createRealtimeKitClient } from "@realtimekit-api/client";

/** Both calls, through `@realtimekit-api/client`. */
export const create = (baseURL: string, apiToken: string) => {
  const rtk = createRealtimeKitClient({
    apiToken,
    baseURL,
    accountId: "023e105f4ecef8ad9ca31a8372d0c353",
    appId: "my-app",
  });
  return {
    details: () =>
      rtk.sessions.getSessionParticipantDetails("0b1f4e56-8d7a-4c3b-9e2f-1a6d5c4b3a29", {
        session_id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        include_peer_events: true,
      }),
    peer: () =>
      rtk.sessions.getParticipantDataFromPeerId("5d2c7a9e-3b1f-4c8d-9e6a-7f0b2d4c6e8a", {
        filters: "quality_stats",
      }),
  };
};
