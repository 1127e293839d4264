import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { useMock } from "../support/mock.js";
import { fakeToken, ids, outputs, runCli } from "../support/run-cli.js";

const { server, env } = useMock();
const participant = (...extra: string[]) => ["participant", ids.session, ids.participant, ...extra];
const without = (name: keyof ReturnType<typeof env>) => {
  const { [name]: _, ...rest } = env();
  return rest;
};

describe("against a server", () => {
  it("takes the token, account, app and base URL from the environment", async () => {
    const { code, stdout } = await runCli(participant("--filters", "device_info,events", "--json"), env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout).data.participant.id).toBe(ids.participant);
    expect(server().requests).toHaveLength(1);
    expect(server().requests[0]?.path).toBe(
      `/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/sessions/${ids.session}/participants/${ids.participant}`,
    );
    expect(server().requests[0]?.query).toMatchObject({ filters: "device_info,events" });
  });

  it("lets flags win over the environment", async () => {
    const { code } = await runCli(participant("--account-id", "flag-account", "--app-id", "flag-app"), env());
    expect(code).toBe(0);
    expect(server().requests[0]?.path).toContain("/accounts/flag-account/realtime/kit/flag-app/");
  });

  it("merges repeated --filters, in order, each once", async () => {
    const args = participant("--filters", "device_info", "--filters", "events,device_info", "--json");
    const { code } = await runCli(args, env());
    expect(code).toBe(0);
    expect(server().requests[0]?.query).toMatchObject({ filters: "device_info,events" });
  });
});

const envelope = (status: number, message: string) => ({
  status,
  headers: { "cf-ray": "8c2f0e7d9a1b2c3d-SJC", "retry-after-ms": "0" },
  body: { success: false, errors: [{ code: 10000 + status, message }], messages: [], result: null },
});

describe("API errors: one line with the status, message and request id, a hint, an exit code by kind", () => {
  it.each([
    [400, 3, "BadRequestError", "Bad request", "the API refused a value of this call"],
    [
      401,
      4,
      "AuthenticationError",
      "Authentication error",
      "the API refused the token from CLOUDFLARE_API_TOKEN",
    ],
    [
      403,
      4,
      "PermissionDeniedError",
      "Authentication error",
      "give it the Realtime or Realtime Admin permission",
    ],
    [404, 5, "NotFoundError", "Participant not found", "check --account-id"],
    [409, 1, "ConflictError", "Conflict", ""],
    [422, 3, "UnprocessableEntityError", "Unprocessable", "the API refused a value of this call"],
    [429, 6, "RateLimitError", "Rate limited", "1,200 requests per five minutes"],
    [500, 7, "InternalServerError", "Internal error", "try again later"],
    [503, 7, "InternalServerError", "Unavailable", "try again later"],
  ])("%i → exit %i (%s)", async (status, exitCode, name, message, hint) => {
    server().script("getSessionParticipantDetails", Array(3).fill(envelope(status, message)));
    const human = await runCli(participant("--account-id", "acct"), env());
    expect(human.code).toBe(exitCode);
    expect(human.stdout).toBe("");
    // 409, 429 and 5xx are retried twice, each retry said in a line of its own.
    const lines = human.stderr.trimEnd().split("\n");
    const retries = lines.filter((line) => line.includes(", retrying in "));
    expect(retries).toHaveLength([409, 429].includes(status) || status >= 500 ? 2 : 0);
    for (const [i, line] of retries.entries()) {
      expect(line).toMatch(
        new RegExp(
          `^realtimekit participant: ${status} from the API, retrying in \\d(\\.\\d)? s, ${i + 1} of 2$`,
        ),
      );
    }
    const [first, ...hints] = lines.slice(retries.length);
    expect(first).toBe(`realtimekit participant: ${status} ${message} (request id 8c2f0e7d9a1b2c3d-SJC)`);
    expect(hints.join("\n")).toContain(hint);
    for (const line of hints) expect(line).toMatch(/^hint: /);

    server().script("getSessionParticipantDetails", Array(3).fill(envelope(status, message)));
    const json = await runCli(participant("--account-id", "acct", "--json"), env());
    expect(json.code).toBe(exitCode);
    // stderr is for a person: with --json it holds the retry lines and nothing else.
    expect(json.stderr.replace(/^.*, retrying in .*\n/gm, "")).toBe("");
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        name,
        message: `${status} ${message}`,
        status,
        requestId: "8c2f0e7d9a1b2c3d-SJC",
        errors: [{ code: 10000 + status, message }],
      },
    });
  });

  it("names the account the token may not read on 403", async () => {
    server().script("getSessionParticipantDetails", [envelope(403, "Authentication error")]);
    const { stderr } = await runCli(participant(), env());
    expect(stderr).toContain(
      'hint: the token from CLOUDFLARE_API_TOKEN may not read RealtimeKit sessions of account "023e105f4ecef8ad9ca31a8372d0c353"',
    );
  });

  it("says the token came from --api-token when it did", async () => {
    server().script("getSessionParticipantDetails", [envelope(401, "Authentication error")]);
    const { stderr } = await runCli(participant("--api-token", "other-fake-token"), env());
    expect(stderr).toContain("hint: the API refused the token from --api-token");
  });

  it("reduces an HTML error page to a short line, after retrying it", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${"<p>upstream</p>".repeat(50)}</body></html>`;
    const step = { status: 502, headers: { "content-type": "text/html", "retry-after-ms": "0" }, body: page };
    server().script("getParticipantDataFromPeerId", [step, step, step]);
    const { code, stderr } = await runCli(["peer-report", ids.peer], env());
    expect(code).toBe(7);
    expect(server().requests).toHaveLength(3);
    const last = stderr.trimEnd().split("\n").at(-2) ?? "";
    expect(last).toMatch(/^realtimekit peer-report: 502 502 Bad Gateway \(request id [0-9a-f]{16}-MOCK\)$/);
    expect(last.length).toBeLessThan(200);
  });
});

describe("network failures: exit 8, with host, port and system code", () => {
  it("says which address refused the connection", async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await runCli(["peer-report", ids.peer, "--max-retries", "0"], {
      ...env(),
      CLOUDFLARE_BASE_URL: `http://127.0.0.1:${port}/client/v4`,
    });
    expect(code).toBe(8);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `realtimekit peer-report: cannot connect to 127.0.0.1:${port}: connection refused (ECONNREFUSED, connect)\n` +
        `hint: check CLOUDFLARE_BASE_URL (http://127.0.0.1:${port}) and the network\n`,
    );
  });

  it("as JSON, with the same exit code", async () => {
    const port = await closedPort();
    const { code, stdout } = await runCli(["peer-report", ids.peer, "--max-retries", "0", "--json"], {
      ...env(),
      CLOUDFLARE_BASE_URL: `http://127.0.0.1:${port}/client/v4`,
    });
    expect(code).toBe(8);
    expect(JSON.parse(stdout).error).toMatchObject({
      name: "APIConnectionError",
      message: `cannot connect to 127.0.0.1:${port}: connection refused (ECONNREFUSED, connect)`,
      status: null,
    });
  });

  it("passes on why fetch refused before connecting (a port browsers block), not just 'fetch failed'", async () => {
    const { code, stderr } = await runCli(["peer-report", ids.peer, "--max-retries", "0"], {
      ...env(),
      CLOUDFLARE_BASE_URL: "http://127.0.0.1:9/client/v4",
    });
    expect(code).toBe(8);
    expect(stderr.split("\n")[0]).toBe("realtimekit peer-report: cannot connect to 127.0.0.1:9: bad port");
  });

  // A server that answers what no HTTP API would: the connection was made, so "cannot connect" misleads.
  it.each([
    [
      "a header value with an escape sequence",
      "HTTP/1.1 404 Not Found\r\ncf-ray: 8c2f\x1b[31m-SJC\r\ncontent-length: 0\r\n\r\n",
      "sent a malformed HTTP answer: Invalid header value char (HPE_INVALID_HEADER_TOKEN)",
    ],
    [
      "a hang-up before the whole answer",
      "HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{",
      "closed the connection before a whole answer",
    ],
  ])("says the server at the address answered badly: %s", async (_, answer, what) => {
    const raw = createServer((socket) => socket.once("data", () => socket.end(answer)));
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    const { port } = raw.address() as { port: number };
    try {
      const { code, stderr } = await runCli(["peer-report", ids.peer, "--max-retries", "1"], {
        ...env(),
        CLOUDFLARE_BASE_URL: `http://127.0.0.1:${port}/client/v4`,
      });
      expect(code).toBe(8);
      const [retry, first, hint] = stderr.split("\n");
      // The retry line of a hang-up still reads "no connection" (the client does not pass the body error on).
      if (what.includes("HPE_"))
        expect(retry).toMatch(/^realtimekit peer-report: malformed HTTP answer \(HPE_/);
      expect(first).toMatch(
        new RegExp(`^realtimekit peer-report: 127\\.0\\.0\\.1:${port} ${what.replace(/[()]/g, "\\$&")}`),
      );
      expect(hint).toBe(
        `hint: check CLOUDFLARE_BASE_URL (http://127.0.0.1:${port}): what answers there is not the API, or a proxy in between broke the answer`,
      );
    } finally {
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it.each([
    ["not JSON", "{not json", "{not json"],
    ["empty", "", "(no error message)"],
  ])(
    "says a 200 whose body is %s is not the API's answer, not an error message it sent",
    async (_, body, shown) => {
      const raw = createServer((socket) =>
        socket.once("data", () =>
          socket.end(
            `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
          ),
        ),
      );
      await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
      const { port } = raw.address() as { port: number };
      try {
        const { code, stderr } = await runCli(["peer-report", ids.peer, "--max-retries", "0"], {
          ...env(),
          CLOUDFLARE_BASE_URL: `http://127.0.0.1:${port}/client/v4`,
        });
        expect(code).toBe(1);
        expect(stderr).toBe(
          `realtimekit peer-report: 200 from the API, with a body that is not its JSON: ${shown}\n` +
            `hint: check CLOUDFLARE_BASE_URL (http://127.0.0.1:${port}): what answers there may not be the API\n`,
        );
      } finally {
        await new Promise((resolve) => raw.close(resolve));
      }
    },
  );

  it("says how long it waited when the server never answers", async () => {
    server().script("getParticipantDataFromPeerId", [{ hang: true }]);
    const { code, stderr } = await runCli(
      ["peer-report", ids.peer, "--timeout", "300", "--max-retries", "0"],
      env(),
    );
    expect(code).toBe(8);
    expect(stderr).toBe(
      `realtimekit peer-report: no answer from ${new URL(server().baseURL).host} within 0.3 s\n` +
        "hint: wait longer with --timeout <ms>, or check the network and CLOUDFLARE_BASE_URL\n",
    );
  });
});

describe("bad command lines: what was wrong and what to do, nothing sent", () => {
  it.each([
    // [args, env, exit code, first line after "realtimekit participant: ", a hint]
    [participant("--filter", "events"), env, 2, "unknown option '--filter'", "did you mean --filters?"],
    [
      participant("--filters", "device_info,bogus"),
      env,
      3,
      'invalid --filters "device_info,bogus": "bogus" is not a filter',
      "the filters are device_info, ip_information, precall_network_information, events, quality_stats",
    ],
    [
      participant("--filters", "device_info, events"),
      env,
      3,
      'invalid --filters "device_info, events": " events" has white space; separate filters with commas alone',
      "write it as device_info,events",
    ],
    [
      participant("--filters", "event"),
      env,
      3,
      'invalid --filters "event": "event" is not a filter',
      "did you mean events?",
    ],
    [
      participant("--filters", "device_info,"),
      env,
      3,
      'invalid --filters "device_info,": an empty filter; leave no comma at either end or two together',
      "",
    ],
    [
      participant(),
      () => without("CLOUDFLARE_ACCOUNT_ID"),
      2,
      "missing the account ID",
      "pass --account-id <account_id> or set CLOUDFLARE_ACCOUNT_ID",
    ],
    [
      participant(),
      () => without("REALTIMEKIT_APP_ID"),
      2,
      "missing the app ID",
      "pass --app-id <app_id> or set REALTIMEKIT_APP_ID",
    ],
    [
      participant(),
      () => without("CLOUDFLARE_API_TOKEN"),
      2,
      "missing the API token",
      "set CLOUDFLARE_API_TOKEN (or pass --api-token <token>)",
    ],
    [
      participant(),
      () => ({ ...env(), CLOUDFLARE_ACCOUNT_ID: "a".repeat(33) }),
      3,
      `invalid CLOUDFLARE_ACCOUNT_ID "${"a".repeat(33)}": must be 1 to 32 characters`,
      "",
    ],
    [
      participant("--account-id", "a".repeat(33)),
      env,
      3,
      `invalid --account-id "${"a".repeat(33)}": must be 1 to 32 characters`,
      "",
    ],
    [participant("--app-id", ""), env, 3, 'invalid --app-id "": must be 1 to 32 characters', ""],
    [
      participant(),
      () => ({ ...env(), CLOUDFLARE_API_TOKEN: `Bearer ${fakeToken}` }),
      3,
      'invalid CLOUDFLARE_API_TOKEN: it starts with "Bearer ": give the token alone, the CLI sends "Authorization: Bearer <token>" itself',
      "",
    ],
    [
      participant("--api-token", `${fakeToken}\n`),
      env,
      3,
      "invalid --api-token: it has white space or a line break at its start or end: copy the token alone",
      "",
    ],
    // A value pasted with what surrounded it is refused, not sent percent-encoded to come back a 404.
    [
      participant(),
      () => ({ ...env(), CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef\n" }),
      3,
      'invalid CLOUDFLARE_ACCOUNT_ID "0123456789abcdef0123456789abcdef\\n": it has white space or a line break at its start or end: copy the account ID alone',
      "",
    ],
    [
      participant("--app-id", " app-1"),
      env,
      3,
      'invalid --app-id " app-1": it has white space or a line break at its start or end: copy the app ID alone',
      "",
    ],
    [
      participant(),
      () => ({ ...env(), REALTIMEKIT_APP_ID: "'app-1'" }),
      3,
      `invalid REALTIMEKIT_APP_ID "'app-1'": it is wrapped in quotes: give the app ID without them`,
      "",
    ],
    [
      participant(),
      () => ({ ...env(), CLOUDFLARE_API_TOKEN: `"${fakeToken}"` }),
      3,
      "invalid CLOUDFLARE_API_TOKEN: it is wrapped in quotes: give the token without them",
      "",
    ],
    [
      participant(),
      () => ({ ...env(), CLOUDFLARE_API_TOKEN: `“${fakeToken}”` }),
      3,
      "invalid CLOUDFLARE_API_TOKEN: it has a character that is not printable ASCII (a typographic quote copied with it?)",
      "",
    ],
    [
      participant("--base-url", "http://api.example.com/client/v4"),
      env,
      3,
      'invalid --base-url "http://api.example.com/client/v4": must be https: (http: only on loopback), with no query or credentials',
      "",
    ],
    [
      participant("--base-url", "https://user:secret@api.example.com/client/v4"),
      env,
      3,
      'invalid --base-url "https://…@api.example.com/client/v4": must be https: (http: only on loopback), with no query or credentials',
      "",
    ],
    [
      participant("--mock", "--base-url", "https://api.cloudflare.com/client/v4"),
      env,
      2,
      "--mock and --base-url cannot be used together: --mock serves the API itself, on its own loopback address",
      "drop --base-url to use the mock",
    ],
    [
      participant().map((a) => (a === ids.session ? "not-a-uuid" : a)),
      env,
      3,
      'invalid <session_id> "not-a-uuid": must be a UUID',
      "",
    ],
    [participant("--include-peer-events=yes"), env, 2, "unknown option '--include-peer-events=yes'", ""],
    [
      participant("--timeout", "30s"),
      env,
      3,
      'invalid --timeout "30s": must be a whole number of milliseconds from 1 to 2147483647',
      "",
    ],
    [
      participant("--timeout", "0"),
      env,
      3,
      'invalid --timeout "0": must be a whole number of milliseconds from 1 to 2147483647',
      "",
    ],
    [
      participant("--max-retries", "11"),
      env,
      3,
      'invalid --max-retries "11": must be a whole number of retries from 0 to 10',
      "",
    ],
    [participant("--filters"), env, 2, "option '--filters <list>' argument missing", ""],
    [
      ["participant", ids.session],
      env,
      2,
      "missing required argument 'participant_id' (or give the ids in --ids-file <file>)",
      "",
    ],
    [
      [...participant(), "extra"],
      env,
      2,
      "too many arguments for 'participant'. Expected 2 arguments but got 3.",
      "",
    ],
  ])("%j", async (args, environment, exitCode, message, hint) => {
    const { code, stdout, stderr } = await runCli(args, environment());
    expect(stdout).toBe("");
    const [first, ...hints] = stderr.trimEnd().split("\n");
    expect(first).toBe(`realtimekit participant: ${message}`);
    expect(hints.join("\n")).toContain(hint);
    expect(code).toBe(exitCode);
    expect(server().requests).toHaveLength(0);
  });

  it("names every missing setting at once, and offers --mock when there is no token", async () => {
    const { code, stderr } = await runCli(participant(), {});
    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        "realtimekit participant: missing the account ID, the app ID and the API token",
        "hint: pass --account-id <account_id> or set CLOUDFLARE_ACCOUNT_ID to the account ID shown in the Cloudflare dashboard",
        "hint: pass --app-id <app_id> or set REALTIMEKIT_APP_ID to the ID of your RealtimeKit app",
        "hint: set CLOUDFLARE_API_TOKEN (or pass --api-token <token>) to an API token with the Realtime or Realtime Admin permission",
        "hint: or set CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY (or pass --api-email and --api-key) to use a Global API Key; the token is preferred",
        "hint: or try --mock, which answers from an embedded mock server",
        "",
      ].join("\n"),
    );
  });

  it("writes a usage error as JSON with --json, exit 2", async () => {
    const { code, stdout, stderr } = await runCli(participant("--json", "--filter", "events"), env());
    expect(code).toBe(2);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual({
      error: {
        name: "UsageError",
        message: "unknown option '--filter'",
        status: null,
        requestId: null,
        errors: [],
      },
    });
  });

  it("writes an invalid value as JSON with --json, exit 3", async () => {
    const { code, stdout } = await runCli(participant("--json", "--filters", "bogus"), env());
    expect(code).toBe(3);
    expect(JSON.parse(stdout).error).toMatchObject({ name: "InvalidInputError", status: null });
  });
});

describe("secrets", () => {
  it("never printed the token, in any test of this file", () => {
    expect(outputs.length).toBeGreaterThan(40);
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toContain(fakeToken);
      expect(stderr).not.toContain(fakeToken);
      expect(stderr).not.toContain("secret");
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
