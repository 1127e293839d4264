import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

describe("help, version and usage", () => {
  // Each help is pinned whole in a file beside this test, which the README's CLI section shows too.
  it.each([
    [["--help"], "realtimekit.txt"],
    [["participant", "--help"], "participant.txt"],
    [["peer-report", "-h"], "peer-report.txt"],
  ])("%j prints the pinned help, exit 0", async (args, file) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot(`./help/${file}`);
  });

  it("lists the filter values, the environment variables and the exit codes in each command's help", async () => {
    for (const command of ["participant", "peer-report"]) {
      const { stdout } = await runCli([command, "--help"]);
      expect(stdout).toContain(
        "device_info, ip_information, precall_network_information, events, quality_stats",
      );
      for (const variable of [
        "CLOUDFLARE_API_TOKEN",
        "CLOUDFLARE_ACCOUNT_ID",
        "REALTIMEKIT_APP_ID",
        "NO_COLOR",
      ]) {
        expect(stdout).toContain(variable);
      }
      expect(stdout).toMatch(/^ {2}130 {2}aborted with Ctrl-C$/m);
    }
  });

  it("`help participant` prints the command's help", async () => {
    const viaHelp = await runCli(["help", "participant"]);
    const viaFlag = await runCli(["participant", "--help"]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it("`help <unknown>` lists the commands on stderr, exit 2", async () => {
    const { code, stdout, stderr } = await runCli(["help", "participants"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Usage: realtimekit \[options\] \[command\]\n/);
    expect(stderr).not.toContain("outputHelp");
  });

  it.each([["--version"], ["-V"]])("%s prints the package's version, exit 0", async (flag) => {
    const { code, stdout } = await runCli([flag]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it("prints usage to stderr and exits 2 with no command", async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: realtimekit [options] [command]");
  });

  it("refuses an unknown command, suggesting the nearest", async () => {
    const { code, stderr } = await runCli(["participants"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "realtimekit: unknown command 'participants'\nhint: did you mean participant?\nhint: run `realtimekit --help` for usage\n",
    );
  });
});
