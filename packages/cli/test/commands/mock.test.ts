import { describe, expect, it } from "vitest";
import { ids, runCli } from "../support/run-cli.js";

describe("--mock", () => {
  it("prints a participant as a person reads it, with the peer events as a table", async () => {
    const { code, stdout, stderr } = await runCli([
      "participant",
      ids.session,
      ids.participant,
      "--mock",
      "--filters",
      "device_info,events",
      "--include-peer-events",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    // The mock's generated data: a named person, real timestamps, the three lifecycle events.
    expect(stdout).toMatch(/^Participant \S+ \S+\n/);
    expect(stdout).toMatch(new RegExp(`  id +${ids.participant}\n`));
    expect(stdout).toMatch(/ {2}preset +[a-z_]+\n/);
    expect(stdout).toMatch(/ {2}duration +\d+(\.\d+)? min\n/);
    expect(stdout).toContain("Peer events (3)");
    expect(stdout).toMatch(
      /EVENT +VIEW TYPE +CREATED +MINUTES +PEER ID\n +PEER_CREATED +[A-Z_]+ +\d{4}-\d\d-\d\dT[\d:.]+Z +0 +/,
    );
    expect(stdout).toMatch(/\n +PEER_JOINING .*\n +PEER_LEAVING /);
  });

  it("leaves the peer events out unless asked for", async () => {
    const { code, stdout } = await runCli(["participant", ids.session, ids.participant, "--mock"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("Peer events");
  });

  it("prints the raw body with --json", async () => {
    const { code, stdout } = await runCli(["participant", ids.session, ids.participant, "--mock", "--json"]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body.success).toBe(true);
    expect(body.data.participant.id).toBe(ids.participant);
    expect(body.data.participant.display_name).toMatch(/^\S+ \S+$/);
  });

  it("prints a peer report with its metadata and a quality table per track", async () => {
    const { code, stdout } = await runCli(["peer-report", ids.peer, "--mock", "--filters", "quality_stats"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Peer \S+ \S+\n/);
    expect(stdout).toMatch(/ {2}session +[0-9a-f-]{36}\n/);
    expect(stdout).toMatch(/Peer events \(3\)\n {2}\{"id":/);
    expect(stdout).toMatch(/Report metadata \(\d+\)\n/);
    expect(stdout).toMatch(/ {2}device_info +\{"cpus":/);
    expect(stdout).toMatch(/Quality \(4 tracks\)\n {2}TRACK +SAMPLES +MOS +LOSS +JITTER +RTT\n/);
    expect(stdout).toMatch(/\n {2}audio producer +\d+ +[1-5]\.\d\d +\d+\.\d\d % +[\d.]+ ms +\d+ ms\n/);
  });

  it("does not read the environment, so a real token stays out of the mock", async () => {
    const { code } = await runCli(["peer-report", ids.peer, "--mock"], {
      CLOUDFLARE_API_TOKEN: "",
      CLOUDFLARE_ACCOUNT_ID: "x".repeat(40),
    });
    expect(code).toBe(0);
  });
});
