// The mock's core in the Workers runtime: a consumer's Worker that imports createMockCore and
// createMockFetch is bundled as wrangler would (workerd conditions, platform neutral: a Node built-in
// fails the bundle) and run in workerd through miniflare, with no nodejs_compat.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockFetch } from "../../src/index.js";
import { peerReportPath } from "../helpers/api.js";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const clientDir = fileURLToPath(new URL("../../../client", import.meta.url));
const consumer = fileURLToPath(new URL("consumer-worker.js", import.meta.url));
const peerId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

let dir: string;
beforeAll(() => {
  // A consumer's project: its entry beside node_modules holding the two packages as installed (links
  // to their built packages, so the packages' `exports` pick what the bundle gets).
  dir = mkdtempSync(join(tmpdir(), "realtimekit-mock-workerd-"));
  mkdirSync(join(dir, "node_modules", "@realtimekit-api"), { recursive: true });
  symlinkSync(packageDir, join(dir, "node_modules", "@realtimekit-api", "mock"), "dir");
  symlinkSync(clientDir, join(dir, "node_modules", "@realtimekit-api", "client"), "dir");
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function bundle(source: string): Promise<{ script: string; inputs: string[] }> {
  const result = (await build({
    stdin: { contents: source, resolveDir: dir, sourcefile: "entry.js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  })) as Awaited<ReturnType<typeof build>> & { metafile: Metafile };
  return { script: result.outputFiles?.[0]?.text ?? "", inputs: Object.keys(result.metafile.inputs) };
}

describe("the mock in workerd", () => {
  it("bundles a consumer of createMockFetch with no Node built-in, and answers in the isolate", async () => {
    const { script, inputs } = await bundle(readFileSync(consumer, "utf8"));
    expect(inputs.filter((input) => input.startsWith("node:"))).toEqual([]);
    expect(script).not.toMatch(/["']node:/);
    // The portable entry, not the one with the server.
    const files = inputs.map((input) => resolve(input));
    expect(files).toContain(join(packageDir, "dist", "portable.js"));
    expect(files).not.toContain(join(packageDir, "dist", "index.js"));

    const mf = new Miniflare({ modules: true, script, compatibilityDate: "2025-09-01" });
    try {
      // The Worker as the mock: the same bytes as createMockFetch gives in Node for the same seed.
      const path = `/client/v4${peerReportPath({ peer_id: peerId })}`;
      const inWorkerd = await mf.dispatchFetch(`http://worker.local${path}`, {
        headers: { authorization: "Bearer fake-token" },
      });
      const node = createMockFetch({ seed: "workerd" });
      const inNode = await node.fetch(`${node.baseURL}${peerReportPath({ peer_id: peerId })}`, {
        headers: { authorization: "Bearer fake-token" },
      });
      expect(inWorkerd.status).toBe(200);
      expect(await inWorkerd.text()).toBe(await inNode.text());

      // The client in the isolate with the in-process mock: a delay, then a reset as a connection error.
      const answer = await mf.dispatchFetch(`http://worker.local/via-client?peer=${peerId}`);
      expect(await answer.json()).toMatchObject({
        id: peerId,
        name: expect.stringMatching(/^\S+ \S+$/),
        reset: "APIConnectionError: TypeError",
        recorded: [
          ["getParticipantDataFromPeerId", "Bearer [REDACTED]"],
          ["getParticipantDataFromPeerId", "Bearer [REDACTED]"],
        ],
      });
    } finally {
      await mf.dispose();
    }
  });

  it("runs the README's Workers example (examples/worker.js)", async () => {
    const example = fileURLToPath(new URL("../../examples/worker.js", import.meta.url));
    const { script, inputs } = await bundle(readFileSync(example, "utf8"));
    expect(inputs.filter((input) => input.startsWith("node:"))).toEqual([]);
    const mf = new Miniflare({ modules: true, script, compatibilityDate: "2025-09-01" });
    try {
      const answer = await mf.dispatchFetch(`http://worker.local/${peerId}`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({
        name: expect.stringMatching(/^\S+ \S+$/),
        quality: expect.arrayContaining(["audio_producer", "video_consumer_cumulative"]),
      });
    } finally {
      await mf.dispose();
    }
  });

  it("refuses, at bundle time, a Worker that imports the node:http server", async () => {
    await expect(bundle(`export { startMockServer } from "@realtimekit-api/mock";`)).rejects.toThrow(
      /No matching export .* "startMockServer"/,
    );
  });
});
