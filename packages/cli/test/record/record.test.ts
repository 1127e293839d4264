// --record <dir> and --strict, run with the built bin against the mock, scripted to answer drifted shapes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { driftReport } from "@realtimekit-api/client/drift";
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeToken, ids, runCli } from "../support/run-cli.js";

let mock: MockServer;
const scratch = mkdtempSync(join(tmpdir(), "cli-record-"));
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(async () => {
  await mock.close();
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  mock.clearScripts();
  mock.requests.length = 0;
});
let n = 0;
const folder = () => join(scratch, `rec-${++n}`);

const env = () => ({
  CLOUDFLARE_API_TOKEN: fakeToken,
  CLOUDFLARE_ACCOUNT_ID: "023e105f4ecef8ad9ca31a8372d0c353",
  REALTIMEKIT_APP_ID: "app_id",
  CLOUDFLARE_BASE_URL: mock.baseURL,
});
const peerReport = (...extra: string[]) => ["peer-report", ids.peer, ...extra];
// SDK 7.1.0's shape, cut down: the peer under data.participant, with `role` for `preset_name`.
const nested = {
  data: {
    participant: { id: ids.peer, display_name: "Ada Lovelace", duration: 10.2, role: "group_call_host" },
  },
  success: true,
};
const recorded = (dir: string) =>
  readdirSync(dir).map((file) => ({ file, ...JSON.parse(readFileSync(join(dir, file), "utf8")) }));

describe("--record <dir>", () => {
  it("saves each response as <operation>-<time>.json with its status, two headers and the body", async () => {
    const dir = folder();
    mock.script("getParticipantDataFromPeerId", [
      { headers: { "set-cookie": "session=abc", "x-request-secret": "s3cret" } },
    ]);
    const first = await runCli(peerReport("--record", dir, "--json"), env());
    const second = await runCli(
      ["participant", ids.session, ids.participant, "--record", dir, "--include-peer-events"],
      env(),
    );
    expect([first.code, second.code]).toEqual([0, 0]);
    const files = recorded(dir).sort((a, b) => a.operationId.localeCompare(b.operationId));
    expect(files).toHaveLength(2);
    const [peer, participant] = files;
    expect(peer.file).toMatch(/^getParticipantDataFromPeerId-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/);
    expect(participant.file).toMatch(/^getSessionParticipantDetails-.*Z\.json$/);
    expect(Object.keys(peer)).toEqual(["file", "operationId", "status", "recordedAt", "headers", "body"]);
    expect(peer).toMatchObject({ operationId: "getParticipantDataFromPeerId", status: 200 });
    expect(Object.keys(peer.headers).sort()).toEqual(["cf-ray", "content-type"]);
    expect(peer.body).toEqual(JSON.parse(first.stdout));
    expect(new Date(peer.recordedAt).toISOString()).toBe(peer.recordedAt);
  });

  it("never writes the token, even when the server echoes it", async () => {
    const dir = folder();
    mock.script("getParticipantDataFromPeerId", [
      { body: { data: { id: ids.peer, display_name: `echo ${fakeToken}`, [fakeToken]: 1 }, success: true } },
    ]);
    expect((await runCli(peerReport("--record", dir), env())).code).toBe(0);
    const [file] = readdirSync(dir);
    const text = readFileSync(join(dir, file ?? ""), "utf8");
    expect(text).not.toContain(fakeToken);
    expect(JSON.parse(text).body.data.display_name).toBe("echo [redacted]");
  });

  it("records error answers too, with their status", async () => {
    const dir = folder();
    mock.script("getParticipantDataFromPeerId", [{ status: 404 }]);
    const { code } = await runCli(peerReport("--record", dir), env());
    expect(code).toBe(1);
    const [file] = recorded(dir);
    expect(file).toMatchObject({ status: 404, body: { success: false } });
    expect(driftReport(file.operationId, file.body, file.status).differences).toEqual([]);
  });

  it("refuses a folder it cannot write before sending anything", async () => {
    const notAFolder = join(scratch, "a-file");
    writeFileSync(notAFolder, "");
    const { code, stderr } = await runCli(peerReport("--record", join(notAFolder, "sub")), env());
    expect(code).toBe(2);
    expect(stderr).toContain(`--record: cannot write to ${join(notAFolder, "sub")}: ENOTDIR`);
    expect(mock.requests).toHaveLength(0);
  });
});

describe("--strict", () => {
  it("prints nothing more and exits 0 when the answer is what the spec describes", async () => {
    const { code, stderr } = await runCli(peerReport("--strict", "--json"), env());
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });

  it("reports a drifting answer on stderr, prints the answer, and exits 3", async () => {
    mock.script("getParticipantDataFromPeerId", [{ body: nested }]);
    const { code, stdout, stderr } = await runCli(peerReport("--strict", "--json"), env());
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual(nested);
    expect(stderr).toBe(
      [
        "realtimekit: the 200 response of getParticipantDataFromPeerId differs from the spec in 2 places:",
        "  major envelope at /data/participant: expected PeerParticipant at /data, got PeerParticipant at /data/participant",
        "    suggests: PeerParticipant moved one level down, under `participant`: describe /data as an object whose `participant` is PeerParticipant (a major change)",
        "  minor unknown-property at /data/participant/role: expected no property `role` in PeerParticipant, got string",
        "    suggests: add an optional property `role` (string) to PeerParticipant",
        "",
      ].join("\n"),
    );
  });

  it("reports an error answer outside both envelopes, with the error", async () => {
    mock.script("getParticipantDataFromPeerId", [{ status: 404, body: { success: false, message: "gone" } }]);
    const { code, stderr } = await runCli(peerReport("--strict"), env());
    expect(code).toBe(1);
    expect(stderr).toContain(
      "the 404 response of getParticipantDataFromPeerId differs from the spec in 2 places",
    );
    expect(stderr).toContain("realtimekit peer-report: 404 ");
  });

  it("shows control characters from the answer as escapes", async () => {
    mock.script("getParticipantDataFromPeerId", [
      { body: { data: { id: ids.peer, "x\u001b[2J": 1 }, success: true } },
    ]);
    const { code, stderr } = await runCli(peerReport("--strict", "--json"), env());
    expect(code).toBe(3);
    expect(stderr).toContain("/data/x\\x1b[2J");
    expect(stderr.includes("\u001b")).toBe(false);
  });

  it("with --record, the file and stderr tell the same drift", async () => {
    const dir = folder();
    mock.script("getParticipantDataFromPeerId", [{ body: nested }]);
    const { code } = await runCli(peerReport("--strict", "--record", dir), env());
    expect(code).toBe(3);
    const [file] = recorded(dir);
    expect(driftReport(file.operationId, file.body, file.status).differences.map((d) => d.kind)).toEqual([
      "envelope",
      "unknown-property",
    ]);
  });
});
