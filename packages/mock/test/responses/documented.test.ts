import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { documentedExample, get, ids, participantPath, peerReportPath } from "../helpers/api.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ data: "documented" });
});
afterAll(() => server.close());

describe("getSessionParticipantDetails", () => {
  const documented = documentedExample("get-session-participant-details.json") as {
    data: { participant: Record<string, unknown> & { peer_events: Record<string, unknown>[] } };
  };

  it("answers 200 with the documented example, the participant id echoed", async () => {
    const res = await get(`${server.baseURL}${participantPath()}?include_peer_events=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const expected = structuredClone(documented);
    expected.data.participant.id = ids.participant_id;
    for (const event of expected.data.participant.peer_events) {
      event.participant_id = ids.participant_id;
      event.session_id = ids.session_id;
    }
    expect(await res.json()).toStrictEqual(expected);
  });

  it("echoes the ids of each request, not the first one's", async () => {
    const other = {
      session_id: "00000000-0000-4000-8000-000000000001",
      participant_id: "00000000-0000-4000-8000-000000000002",
    };
    const res = await get(`${server.baseURL}${participantPath(other)}?include_peer_events=true`);
    const body = await res.json();
    expect(body.data.participant.id).toBe(other.participant_id);
    expect(body.data.participant.peer_events[0].participant_id).toBe(other.participant_id);
    expect(body.data.participant.peer_events[0].session_id).toBe(other.session_id);
    // Only the ids the schema ties to the path are echoed.
    expect(body.data.participant.peer_events[0].peer_id).toBe(
      documented.data.participant.peer_events[0]?.peer_id,
    );
  });

  it("echoes a percent-encoded id decoded", async () => {
    const res = await get(
      `${server.baseURL}${participantPath({ participant_id: "3F1C8A7E-2B4D-4E6F-8A9B-0C1D2E3F4A5B" })}`,
    );
    expect((await res.json()).data.participant.id).toBe("3F1C8A7E-2B4D-4E6F-8A9B-0C1D2E3F4A5B");
  });

  it.each([
    ["without include_peer_events", ""],
    ["with include_peer_events=false", "?include_peer_events=false"],
  ])("leaves peer_events out %s", async (_, query) => {
    const res = await get(`${server.baseURL}${participantPath()}${query}`);
    const { peer_events: _events, ...rest } = documented.data.participant;
    expect(await res.json()).toStrictEqual({
      ...documented,
      data: { participant: { ...rest, id: ids.participant_id } },
    });
  });

  it("accepts filters without changing the documented body", async () => {
    const plain = await (await get(`${server.baseURL}${participantPath()}`)).json();
    const filtered = await get(
      `${server.baseURL}${participantPath()}?filters=device_info,events,quality_stats`,
    );
    expect(filtered.status).toBe(200);
    expect(await filtered.json()).toStrictEqual(plain);
  });
});

describe("getParticipantDataFromPeerId", () => {
  it("answers 200 with the documented example, the peer id echoed as data.id", async () => {
    const res = await get(`${server.baseURL}${peerReportPath()}?filters=ip_information`);
    expect(res.status).toBe(200);
    const expected = documentedExample("get-participant-data-from-peer-id.json") as {
      data: Record<string, unknown>;
    };
    expected.data.id = ids.peer_id;
    expect(await res.json()).toStrictEqual(expected);
  });

  it("sends a cf-ray request id, different for each answer", async () => {
    const a = await get(`${server.baseURL}${peerReportPath()}`);
    const b = await get(`${server.baseURL}${peerReportPath()}`);
    expect(a.headers.get("cf-ray")).toMatch(/^[0-9a-f]{16}-MOCK$/);
    expect(a.headers.get("cf-ray")).not.toBe(b.headers.get("cf-ray"));
  });
});

it("serves under /client/v4 on 127.0.0.1, as baseURL says", () => {
  expect(server.baseURL).toBe(`http://127.0.0.1:${server.port}/client/v4`);
  expect(server.port).toBeGreaterThan(0);
});
