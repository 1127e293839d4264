import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

describe("help and usage", () => {
  it("lists the commands with --help, exit 0", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: realtimekit <command> [options]");
    expect(stdout).toMatch(/participant +Show a participant/);
    expect(stdout).toMatch(/peer-report +Show a peer/);
  });

  it("prints usage to stderr and exits 2 with no command", async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: realtimekit");
  });

  it.each([
    ["participant", "<session_id> <participant_id>", "--include-peer-events"],
    ["peer-report", "<peer_id>", "--filters"],
  ])("documents every option of %s, with its env fallback", async (command, positionals, flag) => {
    const { code, stdout } = await runCli([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: realtimekit ${command} ${positionals} [options]`);
    expect(stdout).toContain(flag);
    expect(stdout).toContain("--api-token <value>");
    expect(stdout).toContain("(env CLOUDFLARE_API_TOKEN)");
  });

  it("refuses an unknown command", async () => {
    const { code, stderr } = await runCli(["participants"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "participants"');
  });
});
