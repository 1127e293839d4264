/**
 * Contract: Prism mocks spec/openapi.yaml and, with `--errors`, refuses (4xx + `sl-violations`) any request
 * that breaks it. Every request the client makes for a matrix of parameters must be accepted and answered
 * with the documented example, and must also pass our own strict Ajv check of each parameter; requests
 * made through `rtk.raw` that break the spec must come back refused.
 */
import type {
  GetParticipantDataFromPeerIdResponse,
  GetSessionParticipantDetailsResponse,
  ParticipantFilter,
} from "@realtimekit-api/types";
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from "vitest";
import { createRealtimeKitClient } from "../../src/index.js";
import { checkRequestAgainstSpec, specFilters, specOperation } from "../support/openapi-document.js";
import { type PrismServer, startPrism } from "../support/prism-server.js";
import { passThroughFetch, type RecordedExchange } from "../support/request-recorder.js";
import { accountId, apiToken, appId, participantId, peerId, sessionId } from "../support/sample-values.js";

const detailsPath =
  "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}";
const peerPath = "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}";
const details = specOperation("getSessionParticipantDetails");
const peer = specOperation("getParticipantDataFromPeerId");

let prism: PrismServer;

beforeAll(async () => {
  prism = await startPrism(30_000);
}, 40_000);

afterAll(async () => {
  await prism?.close();
}, 15_000);

function client(defaults: { accountId?: string; appId?: string } = { accountId, appId }) {
  const recorder = passThroughFetch();
  const rtk = createRealtimeKitClient({
    apiToken,
    ...defaults,
    baseURL: prism.origin,
    timeout: 10_000,
    maxRetries: 0,
    fetch: recorder.fetch,
  });
  return { rtk, exchanges: recorder.exchanges };
}

/** The one exchange of a call: accepted by Prism, and valid by our own reading of the spec. */
function acceptedExchange(exchanges: RecordedExchange[], operationId: string) {
  expect(exchanges, "exactly one request per call").toHaveLength(1);
  const [exchange] = exchanges as [RecordedExchange];
  expect(
    exchange.responseHeaders?.["sl-violations"],
    `Prism's violations, log:\n${prism.log()}`,
  ).toBeUndefined();
  expect(exchange.status).toBe(200);
  expect(exchange.method).toBe("GET");
  expect(exchange.headers.authorization).toBe(`Bearer ${apiToken}`);
  expect(exchange.headers.accept).toBe("application/json");
  const check = checkRequestAgainstSpec(exchange.url, "");
  expect(check.problems, exchange.url).toEqual([]);
  expect(check.operationId).toBe(operationId);
  return check;
}

function expectFilters(
  rawQuery: Record<string, string>,
  given: ParticipantFilter | ParticipantFilter[] | undefined,
) {
  const expected = [...new Set(given === undefined ? [] : Array.isArray(given) ? given : [given])].sort();
  if (expected.length === 0) {
    expect(rawQuery).not.toHaveProperty("filters");
    return;
  }
  const sent = (rawQuery.filters ?? "").split(",");
  expect(sent).toHaveLength(expected.length);
  expect([...sent].sort()).toEqual(expected);
}

type FilterCase = [label: string, filters: ParticipantFilter | ParticipantFilter[] | undefined];
const filters = specFilters as ParticipantFilter[];
const filterCases: FilterCase[] = [
  ["no filters", undefined],
  ["an empty list", []],
  ...filters.map((f): FilterCase => [`${f} as a string`, f]),
  ...filters.map((f): FilterCase => [`[${f}]`, [f]]),
  ["two filters", ["device_info", "events"]],
  ["three, out of the spec's order", ["quality_stats", "device_info", "ip_information"]],
  ["all five", [...filters]],
  ["all five, reversed", [...filters].reverse()],
  ["duplicates", ["events", "events", "device_info", "events"]],
  ["all five, twice", [...filters, ...filters]],
];
const peerEventsCases = [undefined, true, false] as const;

describe("getSessionParticipantDetails: every request is accepted and the documented example comes back", () => {
  const matrix = filterCases.flatMap(([label, f]) =>
    peerEventsCases.map((include) => ({ label, filters: f, include })),
  );

  test.each(matrix)("$label, include_peer_events $include", async ({ filters: f, include }) => {
    const { rtk, exchanges } = client();
    const params: Parameters<typeof rtk.sessions.getSessionParticipantDetails>[1] = { session_id: sessionId };
    if (f !== undefined) params.filters = f;
    if (include !== undefined) params.include_peer_events = include;

    const body = await rtk.sessions.getSessionParticipantDetails(participantId, params);

    expectTypeOf(body).toEqualTypeOf<GetSessionParticipantDetailsResponse>();
    expect(body).toEqual(details.example);
    const check = acceptedExchange(exchanges, "getSessionParticipantDetails");
    expect(check.path).toEqual({
      account_id: accountId,
      app_id: appId,
      session_id: sessionId,
      participant_id: participantId,
    });
    expectFilters(check.query, f);
    if (include === undefined) expect(check.query).not.toHaveProperty("include_peer_events");
    else expect(check.query.include_peer_events).toBe(String(include));
  });
});

describe("getParticipantDataFromPeerId: every request is accepted and the documented example comes back", () => {
  test.each(filterCases.map(([label, f]) => ({ label, filters: f })))("$label", async ({ filters: f }) => {
    const { rtk, exchanges } = client();
    const params: Parameters<typeof rtk.sessions.getParticipantDataFromPeerId>[1] = {};
    if (f !== undefined) params.filters = f;

    const body = await rtk.sessions.getParticipantDataFromPeerId(peerId, params);

    expectTypeOf(body).toEqualTypeOf<GetParticipantDataFromPeerIdResponse>();
    expect(body).toEqual(peer.example);
    const check = acceptedExchange(exchanges, "getParticipantDataFromPeerId");
    expect(check.path).toEqual({ account_id: accountId, app_id: appId, peer_id: peerId });
    expectFilters(check.query, f);
    expect(Object.keys(check.query).filter((k) => k !== "filters")).toEqual([]);
  });
});

describe("account and app ids that need percent-encoding reach the documented path", () => {
  // The spec allows any 1 to 32 characters; each must travel as one encoded segment.
  const ids = ["a b", "a/b", "ünïcödé", "100%", "q?x#y", "a&b=c,d", "x".repeat(32), "😀", "..."];

  test.each(ids)("account_id %j, per call, both operations", async (id) => {
    const { rtk, exchanges } = client({});
    expect(
      await rtk.sessions.getSessionParticipantDetails(participantId, {
        session_id: sessionId,
        account_id: id,
        app_id: appId,
      }),
    ).toEqual(details.example);
    expect(acceptedExchange(exchanges, "getSessionParticipantDetails").path.account_id).toBe(id);
    exchanges.length = 0;
    expect(
      await rtk.sessions.getParticipantDataFromPeerId(peerId, { account_id: id, app_id: appId }),
    ).toEqual(peer.example);
    expect(acceptedExchange(exchanges, "getParticipantDataFromPeerId").path.account_id).toBe(id);
  });

  test.each(ids)("app_id %j, as the client default", async (id) => {
    const { rtk, exchanges } = client({ accountId, appId: id });
    expect(await rtk.sessions.getParticipantDataFromPeerId(peerId)).toEqual(peer.example);
    expect(acceptedExchange(exchanges, "getParticipantDataFromPeerId").path.app_id).toBe(id);
  });
});

describe("rtk.raw", () => {
  test("a valid request is accepted and answered with the example (auth applies to raw too)", async () => {
    const { rtk, exchanges } = client();
    const { data, error, response } = await rtk.raw.GET(peerPath, {
      params: {
        path: { account_id: accountId, app_id: appId, peer_id: peerId },
        query: { filters: ["events"] },
      },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(peer.example);
    acceptedExchange(exchanges, "getParticipantDataFromPeerId");
  });

  // Each is a request the client's own methods refuse; raw passes it on, and Prism must refuse it.
  const invalid = [
    {
      label: "a filter value outside the enum",
      violation: "filters",
      send: (rtk: ReturnType<typeof client>["rtk"]) =>
        rtk.raw.GET(peerPath, {
          params: {
            path: { account_id: accountId, app_id: appId, peer_id: peerId },
            query: { filters: ["not_a_filter" as ParticipantFilter] },
          },
        }),
    },
    {
      label: "a peer_id that is not a UUID",
      violation: "peer_id",
      send: (rtk: ReturnType<typeof client>["rtk"]) =>
        rtk.raw.GET(peerPath, {
          params: { path: { account_id: accountId, app_id: appId, peer_id: "not-a-uuid" } },
        }),
    },
    {
      label: "an account_id longer than 32 characters",
      violation: "account_id",
      send: (rtk: ReturnType<typeof client>["rtk"]) =>
        rtk.raw.GET(detailsPath, {
          params: {
            path: {
              account_id: "a".repeat(33),
              app_id: appId,
              session_id: sessionId,
              participant_id: participantId,
            },
          },
        }),
    },
    {
      label: "include_peer_events that is not a boolean",
      violation: "include_peer_events",
      send: (rtk: ReturnType<typeof client>["rtk"]) =>
        rtk.raw.GET(detailsPath, {
          params: {
            path: {
              account_id: accountId,
              app_id: appId,
              session_id: sessionId,
              participant_id: participantId,
            },
            query: { include_peer_events: "yes" as unknown as boolean },
          },
        }),
    },
  ];

  test.each(invalid)(
    "$label is sent, refused by Prism with a 4xx, and surfaced as { error, response }",
    async ({ send, violation }) => {
      const { rtk, exchanges } = client();
      const { data, error, response } = await send(rtk);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("sl-violations")).toContain(violation);
      expect(data).toBeUndefined();
      expect(error).toMatchObject({ success: false });
      expect(exchanges, "refused requests other than 408/409/429 are not retried").toHaveLength(1);
      // Our checker agrees with Prism that the request breaks the spec.
      expect(checkRequestAgainstSpec(exchanges[0]?.url ?? "", "").problems.join("\n")).toContain(violation);
    },
  );

  test("Prism refuses a request without the bearer token, so the 200s above prove the client sent it", async () => {
    const response = await fetch(
      `${prism.origin}/accounts/${accountId}/realtime/kit/${appId}/sessions/peer-report/${peerId}`,
      { headers: { accept: "application/json" } },
    );
    await response.arrayBuffer();
    expect(response.status).toBe(401);
  });
});
