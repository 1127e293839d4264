// examples/worker, bundled as wrangler would, runs in workerd without nodejs_compat and calls the mock.
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAssumingProcess, clientUsingNodeCrypto } from "../../src/broken.js";
import { ids } from "../../src/ids.js";
import { examplesDir, publishedPackage } from "../../src/paths.js";
import { linkPackages, type Scratch, scratch, writeFiles } from "../../src/scratch.js";
import { bundleWorker, runWorker, type WorkerOptions } from "../../src/worker.js";

const client = publishedPackage("client");

// The example's Worker behind a probe that reports which Node globals exist in the isolate.
const probe = `import worker from "./worker.js";
export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === "/node-globals") {
      return Response.json(["process", "Buffer", "require", "setImmediate", "global"].filter((name) => name in globalThis));
    }
    return worker.fetch(request, env, ctx);
  },
};
`;

/** A project holding the example Worker and the probe, with the client (or a copy of it) installed. */
async function workerProject(dir: string, clientDir: string): Promise<string> {
  await writeFiles(dir, { "entry.js": probe });
  await copyFile(join(examplesDir, "worker", "worker.js"), join(dir, "worker.js"));
  await linkPackages(dir, { [client.name]: clientDir });
  return join(dir, "entry.js");
}

/** The example's wrangler.jsonc, read as wrangler reads it (comments allowed). */
async function wranglerConfig(): Promise<{
  compatibility_date: string;
  compatibility_flags?: string[];
  vars: Record<string, string>;
}> {
  const text = await readFile(join(examplesDir, "worker", "wrangler.jsonc"), "utf8");
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ""));
}

let mock: MockServer;
let tmp: Scratch;
beforeAll(async () => {
  // The documented examples, whose placeholder values the assertions below spell out.
  mock = await startMockServer({ data: "documented" });
  tmp = await scratch("worker");
});
afterAll(async () => {
  await mock?.close();
  await tmp?.dispose();
});

describe("the client in the Workers runtime (workerd, through miniflare)", () => {
  it("serves both operations from examples/worker, with no Node global and no Node built-in", async () => {
    const config = await wranglerConfig();
    expect(config.compatibility_flags ?? []).not.toContain("nodejs_compat");
    const { script, inputs } = await bundleWorker(await workerProject(join(tmp.dir, "ok"), client.dir));
    expect(inputs.filter((input) => input.startsWith("node:"))).toEqual([]);
    expect(inputs.some((input) => input.includes("openapi-fetch"))).toBe(true);

    const options: WorkerOptions = {
      compatibilityDate: config.compatibility_date,
      compatibilityFlags: config.compatibility_flags ?? [],
      bindings: { ...config.vars, CLOUDFLARE_API_TOKEN: "local-test", CLOUDFLARE_BASE_URL: mock.baseURL },
    };
    const [globals, participant, peer, refused, unknown] = await runWorker(script, options, [
      "/node-globals",
      `/sessions/${ids.session}/participants/${ids.participant}`,
      `/peers/${ids.peer}`,
      "/peers/not-a-uuid",
      "/nowhere",
    ]);
    expect(globals).toEqual({ status: 200, body: [] });
    expect(participant).toMatchObject({
      status: 200,
      body: {
        id: ids.participant,
        display_name: "display_name",
        peer_events: [{ event_name: "PEER_CREATED" }],
      },
    });
    expect(peer).toMatchObject({ status: 200, body: { id: ids.peer, session_id: ids.session } });
    expect(refused).toMatchObject({ status: 400, body: { param: "peer_id" } });
    expect(unknown).toEqual({ status: 404, body: { error: "not found" } });

    // The requests reached the mock in Node, with the token from the Worker's secret.
    const received = mock.requests.map((r) => [r.operationId, r.headers.authorization, r.query]);
    expect(received).toEqual([
      ["getSessionParticipantDetails", "Bearer [REDACTED]", { include_peer_events: "true" }],
      ["getParticipantDataFromPeerId", "Bearer [REDACTED]", { filters: "quality_stats" }],
    ]);
  });

  it("fails to bundle a client that imports a Node built-in", async () => {
    const broken = await clientUsingNodeCrypto(tmp.dir);
    await expect(bundleWorker(await workerProject(join(tmp.dir, "broken"), broken))).rejects.toThrow(
      /node:crypto/,
    );
  });

  it("fails to run a client that assumes Node's process global", async () => {
    const broken = await clientAssumingProcess(tmp.dir);
    const { script } = await bundleWorker(await workerProject(join(tmp.dir, "process"), broken));
    const config = await wranglerConfig();
    const options = { compatibilityDate: config.compatibility_date, bindings: { CLOUDFLARE_API_TOKEN: "t" } };
    await expect(runWorker(script, options, [`/peers/${ids.peer}`])).rejects.toThrow(
      /process is not defined/,
    );
  });
});
