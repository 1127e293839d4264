// The mock's `data: "cloudflare-types"` answers what Cloudflare's published SDK types describe; the drift
// report on it names each field that moved from where the spec has it, with the spec change it suggests.
import { createMockFetch } from "@realtimekit-api/mock";
import { describe, expect, it } from "vitest";
import { type DriftReport, responseValidator } from "../../src/drift/index.js";
import { createRealtimeKitClient } from "../../src/index.js";
import { ACCOUNT, APP, PARTICIPANT, PEER, SESSION } from "../fake-fetch.js";

const reports = async (data: "cloudflare-types" | "generated") => {
  const mock = createMockFetch({ data });
  const found: DriftReport[] = [];
  const rtk = createRealtimeKitClient({
    apiToken: "fake-token",
    accountId: ACCOUNT,
    appId: APP,
    baseURL: mock.baseURL,
    fetch: mock.fetch,
    validateResponses: "report",
    responseValidator,
    onDrift: (report) => found.push(report),
  });
  const peer = await rtk.sessions.getParticipantDataFromPeerId(PEER, { filters: "quality_stats" });
  await rtk.sessions.getSessionParticipantDetails(PARTICIPANT, {
    session_id: SESSION,
    include_peer_events: true,
  });
  return { found, peer };
};

describe('the drift report on the mock\'s data: "cloudflare-types"', () => {
  it("names each moved field of the peer report: the peer under data.participant, role for preset_name", async () => {
    const { found, peer } = await reports("cloudflare-types");
    expect(found.map((r) => r.operationId)).toEqual(["getParticipantDataFromPeerId"]);
    expect(found[0]?.differences.map((d) => `${d.kind} ${d.change} ${d.pointer}`)).toEqual([
      "envelope major /data/participant",
      "unknown-property minor /data/participant/role",
    ]);
    expect(found[0]?.differences[1]?.suggestion).toMatch(
      /`preset_name` \(string\) is absent: if `role` renames it, that rename is a major change$/,
    );
    // Reported, not thrown: the body comes back as the API sent it.
    expect((peer.data as { participant?: { id?: string } }).participant?.id).toBe(PEER);
  });

  it("reports nothing on the spec's shape, so each difference above is the moved shape's", async () => {
    expect((await reports("generated")).found).toEqual([]);
  });
});
