// A Node service (ES modules) reading a participant of a session and a peer's report.
//
//   CLOUDFLARE_API_TOKEN=... CLOUDFLARE_ACCOUNT_ID=... REALTIMEKIT_APP_ID=... \
//     node index.mjs <session_id> <participant_id> <peer_id>
//
// The client reads the token, account, app and CLOUDFLARE_BASE_URL (for a local mock) from the
// environment; see ../README.md to run it against `realtimekit-mock`.
import { createRealtimeKitClient, RealtimeKitError } from "@realtimekit-api/client";

const [
  sessionId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
  participantId = "5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f",
  peerId = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
] = process.argv.slice(2);

const rtk = createRealtimeKitClient({ timeout: 10_000 });

try {
  const { data } = await rtk.sessions.getSessionParticipantDetails(participantId, {
    session_id: sessionId,
    filters: ["device_info", "events"],
    include_peer_events: true,
  });
  const participant = data?.participant;
  console.log(
    `participant ${participant?.id}: ${participant?.display_name}, ${participant?.peer_events?.length ?? 0} peer event(s)`,
  );

  const peer = await rtk.sessions.getParticipantDataFromPeerId(peerId, { filters: "quality_stats" });
  console.log(`peer ${peer.data?.id}: session ${peer.data?.session_id}`);
} catch (error) {
  // Every error the client throws is a RealtimeKitError; APIError ones also carry status and requestId.
  if (!(error instanceof RealtimeKitError)) throw error;
  console.error(
    `${error.name}: ${error.message}${error.requestId ? ` (request id ${error.requestId})` : ""}`,
  );
  process.exitCode = 1;
}
