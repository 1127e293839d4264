import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { exitCodes, main } from "../src/check-recorded.js";
import { repo } from "../src/paths.js";

const historic = `${repo.root}packages/client/test/drift/fixtures/historic`;
const scratch = mkdtempSync(join(tmpdir(), "check-recorded-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

/** A folder of recorded responses: documented examples, plus any historic fixtures named. */
function folder(historicFiles: string[] = [], extra: Record<string, string> = {}): string {
  const dir = join(scratch, `rec-${++n}`);
  mkdirSync(dir);
  for (const [operationId, example] of [
    ["getSessionParticipantDetails", "get-session-participant-details"],
    ["getParticipantDataFromPeerId", "get-participant-data-from-peer-id"],
  ] as const) {
    const { value } = JSON.parse(readFileSync(`${repo.root}spec/examples/${example}.json`, "utf8"));
    const record = {
      operationId,
      status: 200,
      recordedAt: "2026-11-30T03:00:00.000Z",
      headers: {},
      body: value,
    };
    writeFileSync(join(dir, `${operationId}-2026-11-30T03-00-00-000Z.json`), JSON.stringify(record));
  }
  for (const file of historicFiles) cpSync(join(historic, `${file}.json`), join(dir, `${file}.json`));
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return dir;
}

function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = main(
    args,
    scratch,
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  return { code, stdout, stderr };
}

describe("check:recorded", () => {
  it("exits 0 on responses the spec describes, with a table", () => {
    const { code, stdout, stderr } = run([folder()]);
    expect({ code, stderr }).toEqual({ code: exitCodes.ok, stderr: "" });
    expect(stdout).toBe(
      [
        "file                                                        operation                     status  drift",
        "getParticipantDataFromPeerId-2026-11-30T03-00-00-000Z.json  getParticipantDataFromPeerId  200     none",
        "getSessionParticipantDetails-2026-11-30T03-00-00-000Z.json  getSessionParticipantDetails  200     none",
        "check:recorded: 2 responses, all as spec/openapi.yaml describes them",
        "",
      ].join("\n"),
    );
  });

  it("exits 1 on drift, naming each difference and the spec change it suggests", () => {
    const { code, stdout, stderr } = run([folder(["sdk-7.1.0-peer-report"])]);
    expect(code).toBe(exitCodes.drift);
    expect(stdout).toMatch(
      /\nsdk-7\.1\.0-peer-report\.json +getParticipantDataFromPeerId {2}200 {5}2 \(1 major, 1 minor\)\n/,
    );
    expect(stdout).toContain(
      [
        "sdk-7.1.0-peer-report.json:",
        "  major envelope at /data/participant: expected PeerParticipant at /data, got PeerParticipant at /data/participant",
        "    suggests: PeerParticipant moved one level down, under `participant`: describe /data as an object whose `participant` is PeerParticipant (a major change)",
        "  minor unknown-property at /data/participant/role: expected no property `role` in PeerParticipant, got string",
      ].join("\n"),
    );
    expect(stderr).toBe(
      "check:recorded: 1 of 3 responses differ from spec/openapi.yaml.\n" +
        'Fix: edit the spec as suggested, run `pnpm generate`, and add a changeset (CONTRIBUTING.md, "When the API drifts").\n',
    );
  });

  it("shows control characters from a recorded body as visible escapes", () => {
    const body = { data: { "x\u001b[2J\u202e": 1 }, success: true };
    const record = { operationId: "getParticipantDataFromPeerId", status: 200, body };
    const { code, stdout } = run([folder([], { "hostile.json": JSON.stringify(record) })]);
    expect(code).toBe(exitCodes.drift);
    expect(stdout).toContain("/data/x\\x1b[2J\\u202e");
    expect(stdout.includes("\u001b") || stdout.includes("\u202e")).toBe(false);
  });

  it.each([
    [["/nonexistent/recorded"], "check:recorded: cannot read /nonexistent/recorded: ENOENT\n"],
    [[], "Usage: pnpm check:recorded <dir>"],
    [["a", "b"], "Usage: pnpm check:recorded <dir>"],
  ])("exits 2 on a bad folder or command line: %j", (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect({ code, stdout }).toEqual({ code: exitCodes.unusable, stdout: "" });
    expect(stderr).toContain(message);
  });

  it("exits 2 on a file that is no folder, an empty folder and a file that is not a recording", () => {
    const file = join(scratch, "plain.json");
    writeFileSync(file, "{}");
    expect(run([file]).stderr).toBe(`check:recorded: ${file} is not a folder\n`);
    const empty = join(scratch, "empty");
    mkdirSync(empty);
    expect(run([empty])).toMatchObject({
      code: 2,
      stderr: `check:recorded: ${empty} holds no .json files to check\n`,
    });
    expect(run([folder([], { "broken.json": "{" })])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("broken.json: not JSON"),
    });
    expect(run([folder([], { "other.json": '{"status":200,"body":{}}' })]).stderr).toBe(
      'check:recorded: other.json: no "operationId" string\n',
    );
    expect(run([folder([], { "op.json": '{"operationId":"getPeer","status":200,"body":{}}' })]).stderr).toBe(
      "check:recorded: op.json: operationId must be one of getSessionParticipantDetails, getParticipantDataFromPeerId\n",
    );
  });

  // One run through pnpm and turbo (which builds the client first): slow on a busy machine, hence the bound.
  it("runs as `pnpm check:recorded <dir>` from the repository root, a relative folder meant from there", async () => {
    const dir = folder(["role-for-preset-name"]);
    const pnpm = promisify(execFile)("pnpm", ["--silent", "check:recorded", relative(repo.root, dir)], {
      cwd: repo.root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    });
    await expect(pnpm).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining("role-for-preset-name.json"),
      stderr: expect.stringContaining("check:recorded: 1 of 3 responses differ from spec/openapi.yaml."),
    });
  }, 300_000);
});
