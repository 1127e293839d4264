// The same service written in CommonJS: `require` gets the client's CommonJS build.
//
//   CLOUDFLARE_API_TOKEN=... CLOUDFLARE_ACCOUNT_ID=... REALTIMEKIT_APP_ID=... \
//     node index.cjs <session_id> <participant_id> <peer_id>
const { createRealtimeKitClient, APIError, InvalidParameterError } = require("@realtimekit-api/client");

const [
  sessionId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
  participantId = "5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f",
  peerId = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
] = process.argv.slice(2);

async function main() {
  const rtk = createRealtimeKitClient({ timeout: 10_000 });
  const { data } = await rtk.sessions.getSessionParticipantDetails(participantId, { session_id: sessionId });
  console.log(`participant ${data?.participant?.id}: joined ${data?.participant?.joined_at}`);

  const peer = await rtk.sessions.getParticipantDataFromPeerId(peerId);
  console.log(`peer ${peer.data?.id}: preset ${peer.data?.preset_name}`);
}

main().catch((error) => {
  if (error instanceof InvalidParameterError) console.error(`bad ${error.param}: ${error.message}`);
  else if (error instanceof APIError)
    console.error(`${error.status} ${error.message} (request id ${error.requestId})`);
  else throw error;
  process.exitCode = 1;
});
