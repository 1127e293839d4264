import { describe, expect, it } from "vitest";
import {
  formatParticipant as participantLines,
  formatPeerReport as peerLines,
  table,
} from "../../src/format.js";
import { type Line, plain } from "../../src/output.js";

const text = (lines: Line[]) => `${lines.map(plain).join("\n")}\n`;
const formatParticipant = (body: Parameters<typeof participantLines>[0]) => text(participantLines(body));
const formatPeerReport = (body: Parameters<typeof peerLines>[0]) => text(peerLines(body));

describe("human output", () => {
  it("shows a missing or null field as '-' instead of dropping its line", () => {
    const text = formatParticipant({ data: { participant: { display_name: "Ada", duration: null } } });
    expect(text).toContain("Participant Ada\n");
    expect(text).toMatch(/ {2}duration +-\n/);
    expect(text).toMatch(/ {2}user id +-\n/);
  });

  it("says so when the body has no participant or no peer", () => {
    expect(formatParticipant({ success: true })).toBe("No participant in the response.\n");
    expect(formatPeerReport({ data: null })).toBe("No peer in the response.\n");
  });

  it("shows an empty list of peer events, and none at all when they were not asked for", () => {
    expect(formatParticipant({ data: { participant: { peer_events: [] } } })).toContain("Peer events (0)");
    expect(formatParticipant({ data: { participant: {} } })).not.toContain("Peer events");
  });

  it("shortens long metadata values to one line", () => {
    const text = formatPeerReport({
      data: {
        peer_report: {
          metadata: { sdk: { name: "web", version: "x".repeat(200) } },
          quality: { mos: 4, jitter: 1 },
        },
      },
    });
    const line = text.split("\n").find((l) => l.trimStart().startsWith("sdk"));
    expect(line?.length).toBeLessThan(80);
    expect(line).toMatch(/…$/);
    expect(text).toContain("Quality keys (2)\n  mos, jitter\n");
  });

  it("pads table columns to their widest cell as written, escapes included", () => {
    expect(table(["A", "B"], [["x\u202e", "y"]])).toEqual(["  A        B", "  x\u202e  y"]);
  });

  it("pads table columns to their widest cell", () => {
    expect(
      table(
        ["A", "B"],
        [
          ["long value", "x"],
          [null, "y"],
        ],
      ),
    ).toEqual(["  A           B", "  long value  x", "  -           y"]);
  });

  it("renders a peer report's peer events as the same table as a participant's", () => {
    const event = {
      id: "bdc25acd-adef-4c7d-b6a7-45e8da4e231c",
      created_at: "2025-06-24T16:09:43.595Z",
      event_name: "PEER_CREATED" as const,
      minutes_consumed: 0,
      peer_id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      preset_view_type: "GROUP_CALL" as const,
    };
    const participant = formatParticipant({ data: { participant: { peer_events: [event] } } });
    const peer = formatPeerReport({ data: { peer_events: [event] } });
    const section = (text: string) => text.slice(text.indexOf("Peer events")).split("\n\n")[0]?.trimEnd();
    expect(section(peer)).toBe(section(participant));
    expect(section(peer)).toContain("EVENT");
    expect(section(peer)).toContain("PEER_CREATED  GROUP_CALL");
  });

  it("shows a free-form peer event's unexpected values in its table, one line each", () => {
    const text = formatPeerReport({
      data: { peer_events: [{ event_name: { nested: "x".repeat(200) }, minutes_consumed: "1.5" }] },
    });
    const row = text.split("\n").find((line) => line.includes("nested"));
    expect(row).toContain("1.5");
    expect(row?.length).toBeLessThan(160);
  });
});
