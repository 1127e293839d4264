// A Cloudflare Worker in front of RealtimeKit: GET /sessions/<session_id>/participants/<participant_id>
// and GET /peers/<peer_id> answer the participant, or the peer with its report, as JSON.
// It needs no `nodejs_compat`: the client uses only fetch, Request, Response and AbortController.
import { APIError, createRealtimeKitClient, InvalidParameterError } from "@realtimekit-api/client";

export default {
  async fetch(request, env) {
    // Workers have no process.env: the settings come from the Worker's vars and secrets.
    const rtk = createRealtimeKitClient({
      apiToken: env.CLOUDFLARE_API_TOKEN,
      accountId: env.CLOUDFLARE_ACCOUNT_ID,
      appId: env.REALTIMEKIT_APP_ID,
      baseURL: env.CLOUDFLARE_BASE_URL || undefined,
      timeout: 10_000,
    });
    const [resource, id, sub, subId, ...rest] = new URL(request.url).pathname.split("/").filter(Boolean);
    try {
      if (resource === "sessions" && id && sub === "participants" && subId && rest.length === 0) {
        const { data } = await rtk.sessions.getSessionParticipantDetails(subId, {
          session_id: id,
          include_peer_events: true,
        });
        return Response.json(data?.participant ?? null);
      }
      if (resource === "peers" && id && !sub) {
        const { data } = await rtk.sessions.getParticipantDataFromPeerId(id, { filters: "quality_stats" });
        return Response.json(data ?? null);
      }
      return Response.json({ error: "not found" }, { status: 404 });
    } catch (error) {
      if (error instanceof InvalidParameterError) {
        return Response.json({ error: error.message, param: error.param }, { status: 400 });
      }
      if (error instanceof APIError) {
        const status = error.status >= 500 ? 502 : error.status;
        return Response.json({ error: error.message, requestId: error.requestId }, { status });
      }
      throw error;
    }
  },
};
