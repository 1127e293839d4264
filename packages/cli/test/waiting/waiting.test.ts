import { describe, expect, it } from "vitest";
import { useMock } from "../support/mock.js";
import { fakeToken, ids, runCli } from "../support/run-cli.js";

const { server, env } = useMock();
const peerReport = (...extra: string[]) => ["peer-report", ids.peer, ...extra];
const host = () => new URL(server().baseURL).host;

describe("waiting: never silent, bounded by --timeout and --max-retries", () => {
  it("says on stderr why it retries, how long it waits and which retry it is", async () => {
    server().script("getParticipantDataFromPeerId", [
      { status: 503, headers: { "retry-after-ms": "1000" } },
      {},
    ]);
    const { code, stdout, stderr } = await runCli(peerReport("--json"), env());
    expect(stderr).toBe("realtimekit peer-report: 503 from the API, retrying in 1 s, 1 of 2\n");
    expect(JSON.parse(stdout).data.id).toBe(ids.peer);
    expect(code).toBe(0);
    expect(server().requests).toHaveLength(2);
  });

  it("gives up after --max-retries, with a line per retry and the attempts in the message", async () => {
    const hang = { hang: true };
    server().script("getParticipantDataFromPeerId", [hang, hang, hang]);
    const { code, stderr } = await runCli(peerReport("--timeout", "300", "--max-retries", "1"), env());
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^realtimekit peer-report: no answer within 0\.3 s, retrying in 0\.\d s, 1 of 1$/,
    );
    expect(lines[1]).toBe(`realtimekit peer-report: no answer from ${host()} within 0.3 s, 2 attempts`);
    expect(lines).toHaveLength(3);
    expect(code).toBe(8);
    expect(server().requests).toHaveLength(2);
  });

  it("with --max-retries 0, makes one attempt and prints no retry line", async () => {
    server().script("getParticipantDataFromPeerId", [{ status: 503 }, {}]);
    const { code, stderr } = await runCli(peerReport("--max-retries", "0"), env());
    expect(stderr).toMatch(/^realtimekit peer-report: 503 /);
    expect(stderr).not.toContain("retrying");
    expect(code).toBe(7);
    expect(server().requests).toHaveLength(1);
  });

  it("does not wait longer than the client allows when told to: it says how long the API asked", async () => {
    server().script("getParticipantDataFromPeerId", [{ status: 429, headers: { "retry-after": "120" } }]);
    const { code, stderr } = await runCli(peerReport(), env());
    expect(code).toBe(6);
    expect(stderr).toContain("hint: the API asks to wait 120 s before the next call\n");
    expect(server().requests).toHaveLength(1);
  });

  it("--verbose writes the client's debug log to stderr, an attempt a line, without the token", async () => {
    server().script("getParticipantDataFromPeerId", [
      { status: 503, headers: { "retry-after-ms": "0" } },
      {},
    ]);
    const { code, stdout, stderr } = await runCli(peerReport("--verbose", "--json"), env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout).data.id).toBe(ids.peer);
    const lines = stderr.trimEnd().split("\n");
    const attempt = `realtimekit GET ${server().baseURL}/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/sessions/peer-report/${ids.peer}`;
    expect(lines[0]).toMatch(
      new RegExp(`^${attempt.replace(/[.?/]/g, "\\$&")}: 503 in \\d+ ms, retry 1 in \\d+ ms`),
    );
    expect(lines[1]).toMatch(/^realtimekit peer-report: 503 from the API, retrying in \d(\.\d)? s, 1 of 2$/);
    expect(lines[2]).toMatch(new RegExp(`^${attempt.replace(/[.?/]/g, "\\$&")}: 200 in \\d+ ms$`));
    expect(stderr).not.toContain(fakeToken);
  });

  it("defaults to 30 s an attempt and 2 retries, as --help says", async () => {
    const { stdout } = await runCli(["peer-report", "--help"]);
    expect(stdout).toMatch(/--timeout <ms> +milliseconds each attempt may take \(default: 30000\)/);
    expect(stdout).toMatch(/--max-retries <n> +retries after a failure, 0 to 10 \(default: 2\)/);
  });
});
