/** The client under test, pointed at a loopback server, with the real `fetch`. */
import { createRealtimeKitClient } from "../../src/index.js";
import type { LoopbackServer } from "../support/loopback-server.js";
import { accountId, apiToken, appId, participantId, peerId, sessionId } from "../support/sample-values.js";

export type Client = ReturnType<typeof createRealtimeKitClient>;
type Options = NonNullable<Parameters<typeof createRealtimeKitClient>[0]>;
type CallOptions = Parameters<Client["sessions"]["getSessionParticipantDetails"]>[2];

/** No `fetch` option: the client must use `globalThis.fetch`, i.e. real sockets to the server. */
export function clientFor(server: LoopbackServer, options: Options = {}): Client {
  return createRealtimeKitClient({
    apiToken,
    accountId,
    appId,
    baseURL: server.baseURL,
    timeout: 2_000,
    maxRetries: 0,
    ...options,
  });
}

export const details = (rtk: Client, options?: CallOptions) =>
  rtk.sessions.getSessionParticipantDetails(participantId, { session_id: sessionId }, options);

export const peerReport = (rtk: Client, options?: CallOptions) =>
  rtk.sessions.getParticipantDataFromPeerId(peerId, {}, options);

export const detailsPath = `/client/v4/accounts/${accountId}/realtime/kit/${appId}/sessions/${sessionId}/participants/${participantId}`;
export const peerPath = `/client/v4/accounts/${accountId}/realtime/kit/${appId}/sessions/peer-report/${peerId}`;

/** A Cloudflare ray id, which the client must surface as `requestId`. */
export const cfRay = "8f3c2b1a0d9e7f6c-SJC";
