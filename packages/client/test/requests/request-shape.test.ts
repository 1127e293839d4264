import { describe, expect, it } from "vitest";
import {
  ACCOUNT,
  APP,
  BASE,
  client,
  fakeFetch,
  ok,
  PARTICIPANT,
  PEER,
  SESSION,
  TOKEN,
} from "../fake-fetch.js";

const participantPath = `/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/${SESSION}/participants/${PARTICIPANT}`;

describe("getSessionParticipantDetails", () => {
  it("GETs the documented path with the token and Accept header, and resolves with the body", async () => {
    const { fetch, requests } = fakeFetch(ok({ participant: { id: "p1" } }));
    const body = await client(fetch).sessions.getSessionParticipantDetails(PARTICIPANT, {
      session_id: SESSION,
    });
    expect(body).toEqual({ success: true, data: { participant: { id: "p1" } } });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`${BASE}${participantPath}`);
    expect(request?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers.get("accept")).toBe("application/json");
  });

  it("sends no query string when neither filters nor include_peer_events are given", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch).sessions.getSessionParticipantDetails(PARTICIPANT, {
      session_id: SESSION,
      filters: [],
    });
    expect(new URL(requests[0]?.url ?? "").search).toBe("");
  });

  it("sends filters once each, joined by a literal comma", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch).sessions.getSessionParticipantDetails(PARTICIPANT, {
      session_id: SESSION,
      filters: ["events", "device_info", "events", "quality_stats", "device_info"],
    });
    expect(requests[0]?.url).toBe(`${BASE}${participantPath}?filters=events,device_info,quality_stats`);
  });

  it("accepts a single filter", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch).sessions.getSessionParticipantDetails(PARTICIPANT, {
      session_id: SESSION,
      filters: "ip_information",
    });
    expect(new URL(requests[0]?.url ?? "").search).toBe("?filters=ip_information");
  });

  it.each([true, false])("sends include_peer_events=%s when given", async (value) => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch).sessions.getSessionParticipantDetails(PARTICIPANT, {
      session_id: SESSION,
      filters: ["events"],
      include_peer_events: value,
    });
    expect(new URL(requests[0]?.url ?? "").search).toBe(`?filters=events&include_peer_events=${value}`);
  });

  it("takes account_id and app_id from the call over the client's defaults", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch).sessions.getSessionParticipantDetails(PARTICIPANT, {
      session_id: SESSION,
      account_id: "other-account",
      app_id: "other-app",
    });
    expect(new URL(requests[0]?.url ?? "").pathname).toBe(
      `/client/v4/accounts/other-account/realtime/kit/other-app/sessions/${SESSION}/participants/${PARTICIPANT}`,
    );
  });

  it("percent-encodes every segment, so no value can add, remove or rewrite one", async () => {
    const { fetch, requests } = fakeFetch(ok());
    const rtk = client(fetch);
    for (const id of ["a/b", "a?b#c", "%2e%2E", "$&", "$'", "{app_id}", "a b", "ü€😀", "..."]) {
      await rtk.sessions.getSessionParticipantDetails(PARTICIPANT, { session_id: SESSION, account_id: id });
      const path = new URL(requests.at(-1)?.url ?? "").pathname;
      const segments = path.split("/");
      expect(segments).toHaveLength(12);
      expect(decodeURIComponent(segments[4] ?? "")).toBe(id);
      expect(segments[7]).toBe(APP);
    }
  });

  it("keeps the base path and drops a trailing slash of baseURL", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch, { baseURL: "https://example.test/proxy/v4/" }).sessions.getSessionParticipantDetails(
      PARTICIPANT,
      { session_id: SESSION },
    );
    expect(requests[0]?.url).toBe(`https://example.test/proxy/v4${participantPath}`);
  });

  it("sends default headers and per-call headers", async () => {
    const { fetch, requests } = fakeFetch(ok());
    const rtk = client(fetch, { defaultHeaders: { "x-team": "a", "x-trace": "client" } });
    await rtk.sessions.getSessionParticipantDetails(
      PARTICIPANT,
      { session_id: SESSION },
      { headers: { "x-trace": "call" } },
    );
    expect(requests[0]?.headers.get("x-team")).toBe("a");
    expect(requests[0]?.headers.get("x-trace")).toBe("call");
  });
});

describe("getParticipantDataFromPeerId", () => {
  it("GETs the peer-report path, with filters, and resolves with the body", async () => {
    const { fetch, requests } = fakeFetch(ok({ id: "peer", peer_report: { quality: {} } }));
    const body = await client(fetch).sessions.getParticipantDataFromPeerId(PEER, {
      filters: ["quality_stats", "precall_network_information"],
    });
    expect(body.data?.peer_report).toEqual({ quality: {} });
    expect(requests[0]?.url).toBe(
      `${BASE}/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/peer-report/${PEER}?filters=quality_stats,precall_network_information`,
    );
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("needs no parameters when the client has default ids", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await client(fetch).sessions.getParticipantDataFromPeerId(PEER);
    expect(requests[0]?.url).toBe(
      `${BASE}/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions/peer-report/${PEER}`,
    );
  });
});
