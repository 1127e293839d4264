import { createServer } from "node:net";
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeToken, ids, outputs, runCli } from "../support/run-cli.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.clearScripts();
  mock.requests.length = 0;
});

const env = () => ({
  CLOUDFLARE_API_TOKEN: fakeToken,
  CLOUDFLARE_ACCOUNT_ID: "023e105f4ecef8ad9ca31a8372d0c353",
  REALTIMEKIT_APP_ID: "app_id",
  CLOUDFLARE_BASE_URL: mock.baseURL,
});
const participant = (...extra: string[]) => ["participant", ids.session, ids.participant, ...extra];

describe("against a server", () => {
  it("takes the token, account, app and base URL from the environment", async () => {
    const { code, stdout } = await runCli(participant("--filters", "device_info,events", "--json"), env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout).data.participant.id).toBe(ids.participant);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]?.path).toBe(
      `/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/sessions/${ids.session}/participants/${ids.participant}`,
    );
    expect(mock.requests[0]?.query).toMatchObject({ filters: "device_info,events" });
  });

  it("lets flags win over the environment", async () => {
    const { code } = await runCli(participant("--account-id", "flag-account", "--app-id", "flag-app"), env());
    expect(code).toBe(0);
    expect(mock.requests[0]?.path).toContain("/accounts/flag-account/realtime/kit/flag-app/");
  });
});

describe("API errors: one line, status, message, request id, exit 1", () => {
  it("prints a RealtimeKit error", async () => {
    mock.script("getSessionParticipantDetails", [
      {
        status: 404,
        headers: { "cf-ray": "8c2f0e7d9a1b2c3d-SJC" },
        body: { success: false, error: { code: 404, message: "Participant not found" } },
      },
    ]);
    const { code, stdout, stderr } = await runCli(participant(), env());
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "realtimekit participant: 404 Participant not found (request id 8c2f0e7d9a1b2c3d-SJC)\n",
    );
  });

  it("prints a gateway error in the v4 envelope", async () => {
    mock.script("getParticipantDataFromPeerId", [
      {
        status: 403,
        body: {
          success: false,
          errors: [{ code: 10000, message: "Authentication error" }],
          messages: [],
          result: null,
        },
      },
    ]);
    const { code, stderr } = await runCli(["peer-report", ids.peer], env());
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^realtimekit peer-report: 403 Authentication error \(request id [0-9a-f]{16}-MOCK\)\n$/,
    );
  });

  it("reduces an HTML error page to a short line, after retrying it", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${"<p>upstream</p>".repeat(50)}</body></html>`;
    const step = { status: 502, headers: { "content-type": "text/html", "retry-after-ms": "0" }, body: page };
    mock.script("getParticipantDataFromPeerId", [step, step, step]);
    const { code, stderr } = await runCli(["peer-report", ids.peer], env());
    expect(code).toBe(1);
    expect(mock.requests).toHaveLength(3);
    expect(stderr.split("\n")).toHaveLength(2);
    expect(stderr).toMatch(
      /^realtimekit peer-report: 502 502 Bad Gateway \(request id [0-9a-f]{16}-MOCK\)\n$/,
    );
    expect(stderr.length).toBeLessThan(200);
  });

  it("says when the server cannot be reached", async () => {
    const port = await closedPort();
    const { code, stderr } = await runCli(["peer-report", ids.peer], {
      ...env(),
      CLOUDFLARE_BASE_URL: `http://127.0.0.1:${port}/client/v4`,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^realtimekit peer-report: Connection error\. Check --base-url and the network\.\n$/,
    );
  });
});

describe("bad command lines: the flag named, nothing sent, exit 2", () => {
  it.each([
    [participant().map((a) => (a === ids.session ? "not-a-uuid" : a)), "invalid <session_id>"],
    [["peer-report", "1234"], "invalid <peer_id>"],
    [participant("--filters", "device_info,bogus"), "invalid --filters"],
    [participant("--filters", "device_info, events"), "invalid --filters"],
    [participant("--account-id", "a".repeat(33)), "invalid --account-id"],
    [participant("--app-id", ""), "invalid --app-id"],
    [participant("--base-url", "http://api.example.com/client/v4"), "invalid --base-url"],
    [participant("--include-peer-events=yes"), "--include-peer-events"],
    [participant("--verbose"), "Unknown option '--verbose'"],
    [["participant", ids.session], "missing <participant_id>"],
    [[...participant(), "extra"], 'unexpected argument "extra"'],
  ])("%j → %s", async (args, expected) => {
    const { code, stdout, stderr } = await runCli(args, env());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(expected);
    expect(mock.requests).toHaveLength(0);
  });

  it("asks for a token when there is none", async () => {
    const { CLOUDFLARE_API_TOKEN: _, ...noToken } = env();
    const { code, stderr } = await runCli(participant(), noToken);
    expect(code).toBe(2);
    expect(stderr).toContain("no API token: pass --api-token or set CLOUDFLARE_API_TOKEN");
    expect(mock.requests).toHaveLength(0);
  });
});

describe("secrets", () => {
  it("never printed the token, in any test of this file", () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toContain(fakeToken);
      expect(stderr).not.toContain(fakeToken);
    }
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
