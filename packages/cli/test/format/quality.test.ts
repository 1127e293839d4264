import { describe, expect, it } from "vitest";
import { formatPeerReport } from "../../src/format.js";
import { formatQuality } from "../../src/quality.js";

const sample = (over: Record<string, unknown>) => ({ timestamp: "2026-01-01T00:00:00.000Z", ...over });

describe("a peer report's quality", () => {
  it("is a table per track: MOS, packet loss, jitter and RTT, from the cumulative summary where there is one", () => {
    const lines = formatQuality({
      audio_producer: [
        sample({ mos_quality: 4.4, packets_lost: 1, packets_sent: 1000, jitter: 4, rtt: 40 }),
        sample({ mos_quality: 4.2, packets_lost: 3, packets_sent: 1000, jitter: 6, rtt: 60 }),
      ],
      audio_producer_cumulative: { quality_mos: { avg: 4.31 }, packet_loss: { avg: 0.25 }, rtt: { avg: 48 } },
      video_consumer: [sample({ mos_quality: 3.9, packets_lost: 10, packets_received: 990, jitter: 12.4 })],
      screenshare_video_consumer: [],
    });
    expect(lines).toEqual([
      "Quality (2 tracks)",
      "  TRACK           SAMPLES  MOS   LOSS    JITTER  RTT",
      "  audio producer  2        4.31  0.25 %  5.0 ms  48 ms",
      "  video consumer  1        3.90  1.00 %  12 ms   -",
      "",
      "Other quality keys (1)",
      "  screenshare_video_consumer",
    ]);
  });

  it("computes from the samples without a cumulative summary: loss over all packets, means of the rest", () => {
    const [, , row] = formatQuality({
      audio_producer: [
        sample({ mos_quality: 4, packets_lost: 0, packets_sent: 100, jitter: 2, rtt: 20 }),
        sample({ mos_quality: 3, packets_lost: 10, packets_sent: 100, jitter: 4, rtt: 40 }),
      ],
    });
    expect(row).toBe("  audio producer  2        3.50  5.00 %  3.0 ms  30 ms");
  });

  it("falls back to the list of keys when no track carries those statistics", () => {
    expect(formatQuality({ mos: 4, jitter: 1 })).toEqual(["Quality keys (2)", "  mos, jitter"]);
    expect(formatQuality({ audio_producer: [{ bitrate: 1 }] })).toEqual([
      "Quality keys (1)",
      "  audio_producer",
    ]);
    expect(formatQuality(null)).toEqual(["Quality keys (0)"]);
  });

  it("shows control characters in keys as visible escapes", () => {
    const lines = formatQuality({ "x\u001b[2Jy": 1, "a\u0007_b": [sample({ mos_quality: 4 })] });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may reach the terminal.
    expect(lines.join("\n")).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(lines.join("\n")).toContain("x\\u001b[2Jy");
    expect(lines[2]).toMatch(/^ {2}a\\u0007 b /);
  });

  it("sits in the peer report after the metadata", () => {
    const text = formatPeerReport({
      data: {
        peer_report: { metadata: {}, quality: { audio_consumer: [sample({ mos_quality: 4.1, jitter: 3 })] } },
      },
    });
    expect(text).toContain("Report metadata (0)\n\nQuality (1 track)\n  TRACK ");
  });
});
