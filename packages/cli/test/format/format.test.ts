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
});
