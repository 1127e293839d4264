// A consumer calling both operations with the official Cloudflare SDK, imported the way its README does.
import Cloudflare from "cloudflare";

/** Both calls, with `client.realtimeKit.sessions` of the `cloudflare` package. */
export const create = (baseURL: string, apiToken: string) => {
  const client = new Cloudflare({ apiToken, baseURL });
  const ids = { account_id: "023e105f4ecef8ad9ca31a8372d0c353", app_id: "my-app" };
  return {
    details: () =>
      client.realtimeKit.sessions.getSessionParticipantDetails("0b1f4e56-8d7a-4c3b-9e2f-1a6d5c4b3a29", {
        ...ids,
        session_id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        include_peer_events: true,
      }),
    peer: () =>
      client.realtimeKit.sessions.getParticipantDataFromPeerID("5d2c7a9e-3b1f-4c8d-9e6a-7f0b2d4c6e8a", {
        ...ids,
        filters: "quality_stats",
      }),
  };
};
