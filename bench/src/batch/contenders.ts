/**
 * The ways of pulling peer reports that `pnpm bench:batch` compares, each set up as its README says, with
 * a `fetch` that counts the 429s it receives (the only change to how a user would write it).
 */
import { createRealtimeKitClient } from "@realtimekit-api/client";
import type { paths } from "@realtimekit-api/types";
import Cloudflare from "cloudflare";
import createClient from "openapi-fetch";

/** Counts what the server answered, attempt by attempt, retries included. */
export interface Tally {
  attempts: number;
  tooMany: number;
}

/** One peer report by id; rejects when the call failed. */
export type PullOne = (peerId: string) => Promise<unknown>;

const ids = { account_id: "023e105f4ecef8ad9ca31a8372d0c353", app_id: "my-app" };
const ourIds = { accountId: ids.account_id, appId: ids.app_id };

const counting =
  (tally: Tally): typeof fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    tally.attempts++;
    if (response.status === 429) tally.tooMany++;
    return response;
  };

/** The contenders: id, column heading, and how each makes one call. */
export const batchContenders: {
  id: string;
  label: string;
  create(baseURL: string, token: string, tally: Tally): PullOne;
}[] = [
  {
    id: "client",
    label: "@realtimekit-api/client, paced (the default)",
    create: (baseURL, apiToken, tally) => {
      const rtk = createRealtimeKitClient({ apiToken, baseURL, ...ourIds, fetch: counting(tally) });
      return (peerId) => rtk.sessions.getParticipantDataFromPeerId(peerId);
    },
  },
  {
    id: "client-unpaced",
    label: "@realtimekit-api/client, rateLimit: false",
    create: (baseURL, apiToken, tally) => {
      const rtk = createRealtimeKitClient({
        apiToken,
        baseURL,
        ...ourIds,
        rateLimit: false,
        fetch: counting(tally),
      });
      return (peerId) => rtk.sessions.getParticipantDataFromPeerId(peerId);
    },
  },
  {
    id: "cloudflare",
    label: "cloudflare SDK",
    create: (baseURL, apiToken, tally) => {
      const client = new Cloudflare({ apiToken, baseURL, fetch: counting(tally) });
      return (peerId) => client.realtimeKit.sessions.getParticipantDataFromPeerID(peerId, ids);
    },
  },
  {
    id: "openapi-fetch",
    label: "openapi-fetch",
    create: (baseUrl, apiToken, tally) => {
      const client = createClient<paths>({
        baseUrl,
        headers: { Authorization: `Bearer ${apiToken}` },
        fetch: counting(tally),
      });
      return async (peerId) => {
        const { data, error } = await client.GET(
          "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}",
          { params: { path: { ...ids, peer_id: peerId } } },
        );
        if (error) throw new Error(JSON.stringify(error));
        return data;
      };
    },
  },
];
