// The runtime matrix: one npm consumer project installs the tarballs, then each runtime (Node 20, 22 and 24,
// Bun, Deno) runs fixtures/runtimes/probe.mjs and the installed CLI in it. Workers: test/workers/.
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { installConsumer } from "../../src/consumer.js";
import { ids } from "../../src/ids.js";
import { releaseDir } from "../../src/paths.js";
import { run } from "../../src/run.js";
import { type Runtime, runtimeEnv, runtimes } from "../../src/runtimes.js";
import { type Scratch, scratch } from "../../src/scratch.js";

const tarballs = inject("tarballs");

let consumer: Scratch;
beforeAll(async () => {
  consumer = await scratch("runtimes");
  await installConsumer(join(consumer.dir, "app"), Object.values(tarballs));
  await copyFile(
    join(releaseDir, "fixtures", "runtimes", "probe.mjs"),
    join(consumer.dir, "app", "probe.mjs"),
  );
});
afterAll(() => consumer?.dispose());

/** Runs a script of the consumer project with a runtime, as a user of that runtime would. */
const runScript = (runtime: Runtime, script: string, args: string[] = []) =>
  run(runtime.executable, [...runtime.scriptArgs, script, ...args], {
    cwd: join(consumer.dir, "app"),
    env: runtimeEnv(consumer.dir),
    timeout: 60_000,
  });

const apiError = (name: string, classes: string[], status: number) => ({
  name,
  status,
  classes: ["APIError", ...classes, "RealtimeKitError"].sort(),
  isError: true,
});
const connectionError = (name: string, classes: string[]) => ({
  name,
  classes: [...classes, "RealtimeKitError"].sort(),
  isError: true,
});
// What each build (import, require) of the packages does against the mock on every runtime.
const expected = {
  participant: { id: ids.participant, peerEvents: 1 },
  peer: { id: ids.peer, session: ids.session },
  errors: {
    unauthorized: apiError("AuthenticationError", ["AuthenticationError"], 401),
    refused: {
      name: "InvalidParameterError",
      param: "peer_id",
      classes: ["InvalidParameterError", "RealtimeKitError"],
      isError: true,
    },
    timedOut: connectionError("APIConnectionTimeoutError", [
      "APIConnectionError",
      "APIConnectionTimeoutError",
    ]),
    aborted: connectionError("APIUserAbortError", ["APIUserAbortError"]),
  },
  query: "filters=device_info,events&include_peer_events=true",
  // Before the timeout and the abort: the token reached the mock on every call (which shows it redacted)
  // but the refused one, which sent nothing.
  received: [
    ["getSessionParticipantDetails", "Bearer [REDACTED]"],
    ...Array.from({ length: 2 }, () => ["getParticipantDataFromPeerId", "Bearer [REDACTED]"]),
  ],
};

describe.concurrent.each(runtimes())("$name ($version)", (runtime) => {
  it("runs the client, the mock and the types, imported and required: calls, typed errors, a timeout, an abort", async () => {
    const result = await runScript(runtime, "probe.mjs");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ import: expected, require: expected });
  });

  it("runs the installed CLI: --help, and peer-report against its embedded mock", async () => {
    const bin = join("node_modules", "@realtimekit-api", "cli", "dist", "bin.js");
    const help = await runScript(runtime, bin, ["--help"]);
    expect(help.stderr).toBe("");
    expect(help.stdout).toMatch(/^Usage: realtimekit <command>/);
    expect(help.code).toBe(0);
    const call = await runScript(runtime, bin, ["peer-report", ids.peer, "--mock", "--json"]);
    expect(call.stderr).toBe("");
    // The CLI's mock answers generated data: the peer id echoed, a session of its own.
    expect(JSON.parse(call.stdout).data).toMatchObject({
      id: ids.peer,
      session_id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
    });
    expect(call.code).toBe(0);
  });
});
