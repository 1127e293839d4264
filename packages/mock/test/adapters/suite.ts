// One suite for every way of running the mock: each adapter test file hands it a factory, and the same
// behaviour (data, auth, validation, scripts, fixtures, timing, recording) is checked through each.
import { APIConnectionError, createRealtimeKitClient, type RealtimeKitClient } from "@realtimekit-api/client";
import { afterEach, describe, expect, it } from "vitest";
import type { MockControls, MockOptions } from "../../src/index.js";
import { documentedExample, ids, participantPath, peerReportPath } from "../helpers/api.js";

/** One running mock, as a test sees it through an adapter. */
export interface AdapterUnderTest {
  /** The controls (requests, scripts, fixtures) of this mock. */
  mock: MockControls;
  /** The base URL the client is given. */
  baseURL: string;
  /** The fetch requests go through (the global one where the adapter intercepts or serves). */
  fetch: (input: string | Request, init?: RequestInit) => Promise<Response>;
  /** Stops the mock. */
  close(): Promise<void> | void;
}

export type AdapterFactory = (options: MockOptions) => Promise<AdapterUnderTest>;

/** Runs the shared behaviour suite against an adapter. */
export function adapterSuite(name: string, start: AdapterFactory): void {
  describe(`the mock through ${name}`, () => {
    let running: AdapterUnderTest | undefined;
    afterEach(async () => {
      await running?.close();
      running = undefined;
    });
    const open = async (options: MockOptions = {}) => {
      running = await start(options);
      const adapter = running;
      const client: RealtimeKitClient = createRealtimeKitClient({
        apiToken: "fake-token",
        accountId: ids.account_id,
        appId: ids.app_id,
        baseURL: adapter.baseURL,
        fetch: (url, init) => adapter.fetch(url, init),
        maxRetries: 0,
      });
      const get = (path: string, init: RequestInit = {}) =>
        adapter.fetch(`${adapter.baseURL}${path}`, {
          ...init,
          headers: { authorization: "Bearer fake-token", ...(init.headers as Record<string, string>) },
        });
      return { ...adapter, client, get };
    };

    it("answers the client with generated data: ids echoed, a real-looking name, events in order", async () => {
      const { client } = await open();
      const body = await client.sessions.getSessionParticipantDetails(ids.participant_id, {
        session_id: ids.session_id,
        include_peer_events: true,
      });
      const participant = body.data?.participant;
      expect(participant?.id).toBe(ids.participant_id);
      expect(participant?.display_name).toMatch(/^\p{Lu}[\p{L}']+ \p{Lu}[\p{L}']+$/u);
      expect(participant?.peer_events?.map((e) => e.event_name)).toEqual([
        "PEER_CREATED",
        "PEER_JOINING",
        "PEER_LEAVING",
      ]);
      expect(participant?.peer_events?.every((e) => e.session_id === ids.session_id)).toBe(true);

      const peer = await client.sessions.getParticipantDataFromPeerId(ids.peer_id);
      expect(peer.data?.id).toBe(ids.peer_id);
      expect(Object.keys(peer.data?.peer_report?.quality ?? {})).toContain("audio_producer");
    });

    it("gives the same bytes for the same ids and seed, and other bytes for another seed", async () => {
      const first = await open({ seed: 7 });
      const a = await (await first.get(peerReportPath())).text();
      const b = await (await first.get(peerReportPath())).text();
      await first.close();
      const other = await open({ seed: 8 });
      const c = await (await other.get(peerReportPath())).text();
      expect(a).toBe(b);
      expect(c).not.toBe(a);
    });

    it('answers the documented examples with data: "documented"', async () => {
      const { get } = await open({ data: "documented" });
      const expected = documentedExample("get-participant-data-from-peer-id.json") as {
        data: { id: string };
      };
      expected.data.id = ids.peer_id;
      expect(await (await get(peerReportPath())).json()).toStrictEqual(expected);
    });

    it("refuses a missing token (401, gateway envelope), a bad id (400), a bad method (405), an unknown path (404)", async () => {
      const { fetch, baseURL, get } = await open();
      const unauthenticated = await fetch(`${baseURL}${participantPath()}`);
      expect(unauthenticated.status).toBe(401);
      expect((await unauthenticated.json()).errors[0].code).toBe(10000);
      const invalid = await get(peerReportPath({ peer_id: "not-a-uuid" }));
      expect(invalid.status).toBe(400);
      expect((await invalid.json()).error.message).toMatch(/peer_id must be a UUID/);
      const post = await get(peerReportPath(), { method: "POST", body: "{}" });
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET");
      const unknown = await get("/accounts/a/realtime/kit/b/nowhere");
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get("cf-ray")).toMatch(/^[0-9a-f]{16}-MOCK$/);
    });

    it("answers scripted steps in order, then normally; a function script sees the request", async () => {
      const { mock, get } = await open();
      mock.script("getParticipantDataFromPeerId", [{ status: 429, headers: { "retry-after": "1" } }, {}]);
      mock.script("getSessionParticipantDetails", (request) =>
        request.query.include_peer_events === "true"
          ? { status: 502, body: "<html>Bad gateway</html>", headers: { "content-type": "text/html" } }
          : undefined,
      );
      const limited = await get(peerReportPath());
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("1");
      expect((await get(peerReportPath())).status).toBe(200);
      const html = await get(`${participantPath()}?include_peer_events=true`);
      expect([html.status, html.headers.get("content-type"), await html.text()]).toEqual([
        502,
        "text/html",
        "<html>Bad gateway</html>",
      ]);
      expect((await get(participantPath())).status).toBe(200);
      mock.clearScripts();
    });

    it("waits `delay` ms, and a hung answer ends with the caller's abort", async () => {
      const { mock, get } = await open();
      mock.script("getParticipantDataFromPeerId", [{ delay: 150 }, { hang: true }]);
      const start = performance.now();
      expect((await get(peerReportPath())).status).toBe(200);
      expect(performance.now() - start).toBeGreaterThanOrEqual(140);
      await expect(get(peerReportPath(), { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
        name: expect.stringMatching(/^(TimeoutError|AbortError)$/),
      });
    });

    it("fails a scripted `reset` as a network failure: a TypeError, which the client reports as a connection error", async () => {
      const { mock, get, client } = await open();
      mock.script("getParticipantDataFromPeerId", [{ reset: true }, { reset: true }]);
      await expect(get(peerReportPath())).rejects.toThrow(TypeError);
      await expect(client.sessions.getParticipantDataFromPeerId(ids.peer_id)).rejects.toBeInstanceOf(
        APIConnectionError,
      );
      expect((await get(peerReportPath())).status).toBe(200);
    });

    it("records each request with its credentials redacted", async () => {
      const { mock, get } = await open();
      await get(`${participantPath()}?filters=events`, { headers: { authorization: "Bearer secret-123" } });
      expect(mock.requests).toHaveLength(1);
      expect(mock.requests[0]).toMatchObject({
        method: "GET",
        path: expect.stringMatching(/\/accounts\/.+\/participants\//),
        query: { filters: "events" },
        operationId: "getSessionParticipantDetails",
        params: { session_id: ids.session_id, participant_id: ids.participant_id },
      });
      expect(mock.requests[0]?.headers.authorization).toBe("Bearer [REDACTED]");
      expect(JSON.stringify(mock.requests)).not.toContain("secret-123");
    });

    it("merges fixtures over generated data, and answers 404 for other ids with unknownIds: 404", async () => {
      const { mock, get } = await open({ unknownIds: "404" });
      mock.participants.set(ids.session_id, ids.participant_id, {
        display_name: "Ada Lovelace",
        duration: 42,
      });
      mock.peers.set(ids.peer_id, { peer_report: { metadata: { device_info: { os: "Plan 9" } } } });
      const participant = (await (await get(participantPath())).json()).data.participant;
      expect(participant).toMatchObject({
        id: ids.participant_id,
        display_name: "Ada Lovelace",
        duration: 42,
      });
      expect(participant.joined_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const peer = (await (await get(peerReportPath())).json()).data;
      expect(peer.peer_report.metadata.device_info.os).toBe("Plan 9");
      // Merged, not replaced: the generated siblings are still there.
      expect(peer.peer_report.metadata.device_info.cpus).toEqual(expect.any(Number));
      expect(peer.peer_report.metadata.browser_metadata.browser).toEqual(expect.any(String));

      const other = await get(peerReportPath({ peer_id: "00000000-0000-4000-8000-000000000001" }));
      expect(other.status).toBe(404);
      expect(await other.json()).toStrictEqual({
        success: false,
        error: { code: 404, message: "Peer not found" },
      });
      const otherParticipant = await get(
        participantPath({ session_id: "00000000-0000-4000-8000-000000000002" }),
      );
      expect(otherParticipant.status).toBe(404);
    });
  });
}
