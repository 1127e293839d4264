// A consumer calling both operations with plain openapi-fetch and the generated types.
import type { paths } from "@realtimekit-api/types";
import createClient from "openapi-fetch";

/** Both calls, with `openapi-fetch` alone. */
export const create = (baseUrl: string, apiToken: string) => {
  const client = createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${apiToken}` },
    // The API takes several filters as one `filters=a,b`.
    querySerializer: { array: { style: "form", explode: false } },
  });
  const ids = { account_id: "023e105f4ecef8ad9ca31a8372d0c353", app_id: "my-app" };
  return {
    details: async () => {
      const { data, error } = await client.GET(
        "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}",
        {
          params: {
            path: {
              ...ids,
              session_id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
              participant_id: "0b1f4e56-8d7a-4c3b-9e2f-1a6d5c4b3a29",
            },
            query: { include_peer_events: true },
          },
        },
      );
      if (error) throw new Error(JSON.stringify(error));
      return data;
    },
    peer: async () => {
      const { data, error } = await client.GET(
        "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}",
        {
          params: {
            path: { ...ids, peer_id: "5d2c7a9e-3b1f-4c8d-9e6a-7f0b2d4c6e8a" },
            query: { filters: ["quality_stats"] },
          },
        },
      );
      if (error) throw new Error(JSON.stringify(error));
      return data;
    },
  };
};
