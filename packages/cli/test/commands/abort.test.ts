import { describe, expect, it } from "vitest";
import { useMock } from "../support/mock.js";
import { ids, startCli } from "../support/run-cli.js";

const { server, env } = useMock();

/** Starts the CLI against a server that never answers, and presses Ctrl-C once the request is in. */
async function interrupt(...extra: string[]) {
  server().script("getParticipantDataFromPeerId", [{ hang: true }]);
  const { child, result } = startCli(["peer-report", ids.peer, ...extra], env());
  for (let i = 0; i < 200 && server().requests.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  expect(server().requests).toHaveLength(1);
  child.kill("SIGINT");
  return result;
}

describe("Ctrl-C", () => {
  it("says the call was aborted and exits 130", async () => {
    const { code, stdout, stderr } = await interrupt();
    expect(stdout).toBe("");
    expect(stderr).toBe("realtimekit peer-report: aborted (Ctrl-C)\n");
    expect(code).toBe(130);
  });

  it("still says so when a launcher sends SIGTERM right after the Ctrl-C, as pnpm exec does", async () => {
    server().script("getParticipantDataFromPeerId", [{ hang: true }]);
    const { child, result } = startCli(["peer-report", ids.peer], env());
    for (let i = 0; i < 200 && server().requests.length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    child.kill("SIGINT");
    child.kill("SIGTERM");
    const { code, stderr } = await result;
    expect(stderr).toBe("realtimekit peer-report: aborted (Ctrl-C)\n");
    expect(code).toBe(130);
  });

  it("with --json, writes the abort as a JSON error, exit 130", async () => {
    const { code, stdout } = await interrupt("--json");
    expect(JSON.parse(stdout)).toEqual({
      error: {
        name: "APIUserAbortError",
        message: "aborted (Ctrl-C)",
        status: null,
        requestId: null,
        errors: [],
      },
    });
    expect(code).toBe(130);
  });
});
