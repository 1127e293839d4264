/**
 * `--ids-file` end to end: the built bin against a mock that enforces a quota, stdout and stderr piped
 * (not a terminal). Order, bad lines, failures, --output with --resume, standard input, exit codes.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";

const bin = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));
const fakeToken = "batch-test-token-not-a-secret";

let mock: MockServer;
let dir: string;
beforeAll(async () => {
  // 8 per 400 ms: every batch below spans a few windows, and the CLI must never be refused.
  mock = await startMockServer({ rateLimit: { limit: 8, windowMs: 400 } });
  dir = mkdtempSync(join(tmpdir(), "realtimekit-batch-"));
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  mock.clearScripts();
  mock.requests.length = 0;
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built bin with the mock's base URL and a fake token, `input` on its standard input. */
const realtimekit = (args: string[], input = ""): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        CLOUDFLARE_API_TOKEN: fakeToken,
        CLOUDFLARE_ACCOUNT_ID: "023e105f4ecef8ad9ca31a8372d0c353",
        REALTIMEKIT_APP_ID: "my-app",
        CLOUDFLARE_BASE_URL: mock.baseURL,
      },
      timeout: 25_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });

const peer = (i: number) => `5d2c7a9e-3b1f-4c8d-9e6a-${String(i).padStart(12, "0")}`;
const session = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};
/** A line of the batch's output, with the fields the tests read. */
interface Line {
  id: string;
  ok: boolean;
  body?: { data: { id: string; participant: { id: string; peer_events: unknown[] } } };
  error?: { name: string; message: string; status?: number; requestId?: string; line?: number };
}
const esc = "\u001b";

const ndjson = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);

describe("peer-report --ids-file", { timeout: 90_000 }, () => {
  test("one NDJSON line per id, in input order, though answers come back out of order", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => peer(i));
    // Earlier ids answer later, so finishing order is the reverse of input order within each batch.
    mock.script("getParticipantDataFromPeerId", (request) => ({
      delay: 40 - (Number(request.params.peer_id?.slice(-2)) % 8) * 5,
    }));
    const run = await realtimekit([
      "peer-report",
      "--ids-file",
      file("order.txt", ids),
      "--concurrency",
      "6",
    ]);
    expect(run.code).toBe(0);
    const results = ndjson(run.stdout);
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.every((r) => r.ok && r.body?.data.id === r.id)).toBe(true);
    // The quota was never exceeded: the mock answered 20 requests, none refused.
    expect(mock.requests).toHaveLength(20);
    // Not a terminal: plain progress lines and a summary, no escape sequences, no token.
    expect(run.stderr).toMatch(/^realtimekit peer-report: \d+\/20 done, 0 failed, [\d.]+\/s/m);
    expect(run.stderr).toMatch(/^realtimekit peer-report: 20 lines, 20 ok, 0 failed; [\d.]+ s\n$/m);
    expect(run.stderr).not.toContain(esc);
    expect(run.stdout + run.stderr).not.toContain(fakeToken);
  });

  test("bad lines: reported with their number, written as failed, skipped; the rest go on; exit 3 (invalid input)", async () => {
    const lines = [
      peer(1),
      "not-a-peer",
      "",
      "# a comment",
      `${peer(2)},${peer(3)}`,
      "\u001b[2Jevil",
      peer(4),
    ];
    const run = await realtimekit(["peer-report", "--ids-file", file("bad.txt", lines)]);
    expect(run.code).toBe(3);
    const results = ndjson(run.stdout);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [peer(1), true],
      ["not-a-peer", false],
      [`${peer(2)},${peer(3)}`, false],
      ["\u001b[2Jevil", false],
      [peer(4), true],
    ]);
    expect(results[1]?.error).toEqual({
      name: "InvalidInput",
      message: "line 2: peer_id is not a UUID; skipped",
      line: 2,
    });
    expect(results[2]?.error?.message).toBe("line 5: expected peer_id; skipped");
    expect(run.stderr).toContain(
      'realtimekit peer-report: line 2: "not-a-peer": peer_id is not a UUID (peer_id per line); skipped',
    );
    // Text from the file reaches the terminal escaped, never as a control sequence.
    expect(run.stderr).toContain('line 6: "\\u001b[2Jevil"');
    expect(run.stderr).not.toContain(esc);
    expect(run.stderr).toMatch(/5 lines, 2 ok, 3 failed \(3 bad lines\)/);
    expect(mock.requests).toHaveLength(2);
  });

  test("an id the API refuses is a failed line with the API's error; the others succeed; exit 5 (its kind, not found)", async () => {
    mock.script("getParticipantDataFromPeerId", (request) =>
      request.params.peer_id === peer(2) ? { status: 404 } : undefined,
    );
    const run = await realtimekit([
      "peer-report",
      "--ids-file",
      file("404.txt", [peer(1), peer(2), peer(3)]),
    ]);
    expect(run.code).toBe(5);
    const results = ndjson(run.stdout);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]?.error).toMatchObject({ name: "NotFoundError", status: 404, message: "404 Not Found" });
    expect(results[1]?.error?.requestId).toMatch(/-MOCK$/);
  });

  test("failures of different kinds (a 404 and a bad line): exit 1, any other failure", async () => {
    mock.script("getParticipantDataFromPeerId", (request) =>
      request.params.peer_id === peer(2) ? { status: 404 } : undefined,
    );
    const run = await realtimekit([
      "peer-report",
      "--ids-file",
      file("mixed.txt", [peer(1), peer(2), "bad"]),
    ]);
    expect(run.code).toBe(1);
    expect(ndjson(run.stdout).map((r) => r.ok)).toEqual([true, false, false]);
  });

  test("--output, then --resume: only the ids not answered ok are asked again, and appended", async () => {
    const ids = Array.from({ length: 10 }, (_, i) => peer(i));
    const output = join(dir, "resume.ndjson");
    const failing = new Set([peer(3), peer(7)]);
    mock.script("getParticipantDataFromPeerId", (request) =>
      failing.has(request.params.peer_id ?? "") ? { status: 404 } : undefined,
    );
    const first = await realtimekit([
      "peer-report",
      "--ids-file",
      file("resume.txt", ids),
      "--output",
      output,
    ]);
    expect(first.code).toBe(5);
    expect(first.stdout).toBe("");
    expect(ndjson(readFileSync(output, "utf8")).map((r) => r.ok)).toEqual(ids.map((id) => !failing.has(id)));

    const resume = () => {
      mock.requests.length = 0;
      return realtimekit([
        "peer-report",
        "--ids-file",
        join(dir, "resume.txt"),
        "--output",
        output,
        "--resume",
      ]);
    };
    mock.clearScripts();
    const second = await resume();
    expect(second.code).toBe(0);
    expect(mock.requests.map((r) => r.params.peer_id)).toEqual([peer(3), peer(7)]);
    const all = ndjson(readFileSync(output, "utf8"));
    expect(all).toHaveLength(12);
    expect(all.slice(10).map((r) => [r.id, r.ok])).toEqual([
      [peer(3), true],
      [peer(7), true],
    ]);
    expect(second.stderr).toMatch(/2 lines, 2 ok, 0 failed, 8 answered before, skipped/);

    const third = await resume();
    expect(third.code).toBe(0);
    expect(mock.requests).toHaveLength(0);
  });

  test("--ids-file - reads standard input", async () => {
    const run = await realtimekit(["peer-report", "--ids-file", "-"], `${peer(1)}\r\n${peer(2)}\r\n`);
    expect(run.code).toBe(0);
    expect(ndjson(run.stdout).map((r) => r.id)).toEqual([peer(1), peer(2)]);
  });
});

describe("participant --ids-file", { timeout: 90_000 }, () => {
  test("session_id,participant_id per line, with --include-peer-events", async () => {
    const lines = [`${session},${peer(1)}`, ` ${session} , ${peer(2)} `, peer(3)];
    const run = await realtimekit([
      "participant",
      "--ids-file",
      file("participants.txt", lines),
      "--include-peer-events",
    ]);
    expect(run.code).toBe(3);
    const results = ndjson(run.stdout);
    expect(results.map((r) => r.id)).toEqual([`${session},${peer(1)}`, `${session},${peer(2)}`, peer(3)]);
    expect(results[0]?.body?.data.participant.id).toBe(peer(1));
    expect(results[1]?.body?.data.participant.peer_events.length).toBeGreaterThan(0);
    expect(results[2]?.error?.message).toBe("line 3: expected session_id,participant_id; skipped");
    expect(mock.requests.every((r) => r.query.include_peer_events === "true")).toBe(true);
  });
});

describe("the command line", { timeout: 90_000 }, () => {
  test.each([
    [["--resume", "--ids-file", "x"], 2, "--resume needs --output: the file whose answered ids to skip"],
    // A value out of range is an invalid value (3), as for --timeout; a flag in the wrong company is usage (2).
    [
      ["--ids-file", "x", "--concurrency", "0"],
      3,
      'invalid --concurrency "0": must be a whole number of calls from 1 to 64',
    ],
    [
      ["--ids-file", "x", "--concurrency", "2.5"],
      3,
      'invalid --concurrency "2.5": must be a whole number of calls from 1 to 64',
    ],
    [["--output", "x.ndjson", peer(1)], 2, "--output goes with --ids-file"],
    [
      ["--ids-file", "x", peer(1)],
      2,
      `give ids as arguments or in --ids-file, not both (got "${peer(1)}" as well)`,
    ],
    [[], 2, "missing required argument 'peer_id' (or give the ids in --ids-file <file>)"],
    [["--ids-file", "x", "--strict"], 2, "--strict does not go with --ids-file"],
    [["--ids-file", "/no/such/file.txt"], 2, 'cannot read --ids-file "/no/such/file.txt": ENOENT'],
  ])("peer-report %j: exit %i, nothing sent", async (args, code, message) => {
    const run = await realtimekit(["peer-report", ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(`realtimekit peer-report: ${message}`);
    expect(run.stdout).toBe("");
    expect(mock.requests).toHaveLength(0);
  });
});
