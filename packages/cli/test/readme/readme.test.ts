import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

// Each `console` block is a command line (`$ realtimekit …`, arguments without quotes) and what it
// printed, stdout then stderr, with no environment: the README shows real output, and this keeps it so.
const sessions = [...readme.matchAll(/^```console\n\$ realtimekit(.*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  args: (m[1] ?? "").trim().split(/ +/).filter(Boolean),
  output: m[2] ?? "",
}));

describe("the README's CLI section", () => {
  it("shows help, an example, errors and a JSON error", () => {
    expect(sessions.map((s) => s.args.join(" "))).toEqual(
      expect.arrayContaining(["--help", "participant --help", expect.stringMatching(/--json$/)]),
    );
  });

  // When one differs: `pnpm --filter @realtimekit-api/cli run readme` rewrites the blocks; review the diff.
  it.each(sessions.map((s) => [s.args.join(" "), s] as const))("$ realtimekit %s", async (_, session) => {
    const { stdout, stderr } = await runCli(session.args);
    expect(`${stdout}${stderr}`, "run `pnpm --filter @realtimekit-api/cli run readme`").toBe(session.output);
  });

  it("lists every exit code the command has", async () => {
    const { stdout } = await runCli(["--help"]);
    const codes = [...stdout.matchAll(/^ {2}(\d+) {2,}/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(readme).toMatch(new RegExp(`^\\| ${code} +\\|`, "m"));
  });
});
