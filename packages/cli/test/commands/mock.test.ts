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
    expect(stdout).toMatch(/^Participant display_name\n/);
    expect(stdout).toMatch(new RegExp(`  id +${ids.participant}\n`));
    expect(stdout).toMatch(/ {2}preset +preset_name\n/);
    expect(stdout).toMatch(/ {2}duration +0 min\n/);
    expect(stdout).toContain("Peer events (1)");
    expect(stdout).toMatch(
      /EVENT +VIEW TYPE +CREATED +MINUTES +PEER ID\n +PEER_CREATED +GROUP_CALL +created_at +0 +peer_id/,
    );
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
    expect(body.data.participant.display_name).toBe("display_name");
  });

  it("prints a peer report with its metadata and quality keys", async () => {
    const { code, stdout } = await runCli(["peer-report", ids.peer, "--mock", "--filters", "quality_stats"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Peer display_name\n/);
    expect(stdout).toMatch(new RegExp(`  session +${ids.session}\n`));
    expect(stdout).toContain('Peer events (1)\n  {"foo":"bar"}');
    expect(stdout).toMatch(/Report metadata \(1\)\n {2}foo +bar\n/);
    expect(stdout).toContain("Quality keys (1)\n  foo\n");
  });

  it("does not read the environment, so a real token stays out of the mock", async () => {
    const { code } = await runCli(["peer-report", ids.peer, "--mock"], {
      CLOUDFLARE_API_TOKEN: "",
      CLOUDFLARE_ACCOUNT_ID: "x".repeat(40),
    });
    expect(code).toBe(0);
  });
});
