import { describe, expect, it } from "vitest";
import { client, fakeFetch, ok, PEER, TOKEN } from "../fake-fetch.js";

const PEER_PATH = "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}";
const path = { account_id: "acc", app_id: "app", peer_id: PEER };

describe("rtk.raw", () => {
  it("is the typed openapi-fetch client, with the token and Accept header", async () => {
    const { fetch, requests } = fakeFetch(ok({ id: "peer" }));
    const { data, error, response } = await client(fetch).raw.GET(PEER_PATH, {
      params: { path, query: { filters: ["events", "device_info"] } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.data?.id).toBe("peer");
    expect(requests[0]?.url).toBe(
      `https://api.cloudflare.com/client/v4/accounts/acc/realtime/kit/app/sessions/peer-report/${PEER}?filters=events,device_info`,
    );
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(requests[0]?.headers.get("accept")).toBe("application/json");
  });

  it("retries like the methods do, and returns the last error the openapi-fetch way", async () => {
    const failing = { status: 503, body: { success: false, error: { code: 503, message: "busy" } } };
    const { fetch } = fakeFetch({ ...failing, headers: { "retry-after-ms": "0" } });
    const { data, error, response } = await client(fetch).raw.GET(PEER_PATH, { params: { path } });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(data).toBeUndefined();
    expect(response.status).toBe(503);
    expect(error).toEqual(failing.body);
  });

  it("encodes path values literally, even replacement patterns", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch).raw.GET(PEER_PATH, { params: { path: { ...path, account_id: "$&$'" } } });
    expect(new URL(requests[0]?.url ?? "").pathname).toBe(
      `/client/v4/accounts/${encodeURIComponent("$&$'")}/realtime/kit/app/sessions/peer-report/${PEER}`,
    );
  });

  it("does not validate, so an invalid request can be sent on purpose", async () => {
    const { fetch, requests } = fakeFetch({
      status: 400,
      body: { success: false, error: { code: 400, message: "bad" } },
    });
    const { error } = await client(fetch).raw.GET(PEER_PATH, {
      params: { path: { ...path, peer_id: "not-a-uuid" } },
    });
    expect(requests[0]?.url).toContain("/peer-report/not-a-uuid");
    expect(error).toMatchObject({ error: { message: "bad" } });
  });
});
