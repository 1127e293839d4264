// The shapes the peer report has had in Cloudflare's published SDK types, each with the drift it must give.
import { describe, expect, it } from "vitest";
import { driftReport } from "../../src/drift/index.js";
import { historic } from "./documented.js";

const report = (name: string) => {
  const { operationId, body, status } = historic(name);
  return driftReport(operationId, body, status).differences;
};
const rows = (name: string) => report(name).map((d) => `${d.kind} ${d.change} ${d.pointer}`);

describe("historic peer-report shapes", () => {
  it("SDK 7.1.0: the peer under data.participant is one moved object, then `role` where `preset_name` was", () => {
    expect(report("sdk-7.1.0-peer-report")).toEqual([
      {
        pointer: "/data/participant",
        kind: "envelope",
        expected: "PeerParticipant at /data",
        actual: "PeerParticipant at /data/participant",
        change: "major",
        suggestion:
          "PeerParticipant moved one level down, under `participant`: describe /data as an object whose `participant` is PeerParticipant (a major change)",
        summary:
          "getParticipantDataFromPeerId: envelope at /data/participant: expected PeerParticipant at /data, got PeerParticipant at /data/participant",
      },
      {
        pointer: "/data/participant/role",
        kind: "unknown-property",
        expected: "no property `role` in PeerParticipant",
        actual: "string",
        change: "minor",
        suggestion:
          "add an optional property `role` (string) to PeerParticipant; `preset_name` (string) is absent: if `role` renames it, that rename is a major change",
        summary:
          "getParticipantDataFromPeerId: unknown-property at /data/participant/role: expected no property `role` in PeerParticipant, got string",
      },
    ]);
  });

  it("SDK 6.0.0: moved, with peer_stats, quality_stats and role beside peer_report", () => {
    expect(rows("sdk-6.0.0-peer-report")).toEqual([
      "envelope major /data/participant",
      "unknown-property minor /data/participant/peer_stats",
      "unknown-property minor /data/participant/quality_stats",
      "unknown-property minor /data/participant/role",
    ]);
    expect(report("sdk-6.0.0-peer-report")[3]?.suggestion).toBe(
      "add an optional property `role` (string) to PeerParticipant; `preset_name` and `session_id` (string) are absent: if `role` renames one of them, that rename is a major change",
    );
  });

  it("`role` for `preset_name`, with the peer where the spec puts it", () => {
    expect(report("role-for-preset-name")).toEqual([
      expect.objectContaining({
        pointer: "/data/role",
        kind: "unknown-property",
        change: "minor",
        suggestion:
          "add an optional property `role` (string) to PeerParticipant; `preset_name` (string) is absent: if `role` renames it, that rename is a major change",
      }),
    ]);
  });

  it("6.0.0's peer_stats and quality_stats beside peer_report", () => {
    expect(report("peer-stats-and-quality-stats")).toEqual([
      expect.objectContaining({
        pointer: "/data/peer_stats",
        kind: "unknown-property",
        actual: "object",
        suggestion: "add an optional property `peer_stats` (object) to PeerParticipant",
      }),
      expect.objectContaining({
        pointer: "/data/quality_stats",
        kind: "unknown-property",
        actual: "object",
        suggestion: "add an optional property `quality_stats` (object) to PeerParticipant",
      }),
    ]);
  });

  it("7.1.0's typed peer_report content gives none: the spec declares metadata and quality free-form", () => {
    const { body } = historic("typed-peer-report");
    expect(
      Object.keys((body as { data: { peer_report: { metadata: object } } }).data.peer_report.metadata),
    ).toContain("candidate_pairs");
    expect(report("typed-peer-report")).toEqual([]);
  });
});
