/**
 * The drift entry with the client in a mixed codebase: the ES module client given the CommonJS build's
 * `responseValidator` (or the other way round) rejects with an error that is `instanceof`
 * `ResponseValidationError` and `RealtimeKitError` of either build. The builds are made from the current
 * source here, so a stale `dist/` proves nothing either way.
 */
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Drift from "../../src/drift/index.js";
import type * as Client from "../../src/index.js";
import { fakeFetch, PEER, rejection, TOKEN } from "../fake-fetch.js";
import { documented } from "./documented.js";

type Build = { client: typeof Client; drift: typeof Drift };
const packageDir = fileURLToPath(new URL("../../", import.meta.url));
// Inside the package, so that the builds resolve openapi-fetch from its node_modules.
const outDir = `${packageDir}.tmp/drift-modules-${process.pid}`;
let esm: Build;
let cjs: Build;

beforeAll(async () => {
  const { build } = (await import("tsdown" as string)) as { build: (options: object) => Promise<unknown> };
  await build({
    config: false,
    entry: { index: `${packageDir}src/index.ts`, drift: `${packageDir}src/drift/index.ts` },
    format: ["esm", "cjs"],
    platform: "neutral",
    outDir,
    dts: false,
    logLevel: "silent",
  });
  esm = {
    client: await import(pathToFileURL(`${outDir}/index.js`).href),
    drift: await import(pathToFileURL(`${outDir}/drift.js`).href),
  };
  const require = createRequire(import.meta.url);
  cjs = { client: require(`${outDir}/index.cjs`), drift: require(`${outDir}/drift.cjs`) };
}, 120_000);
afterAll(() => rm(`${packageDir}.tmp`, { recursive: true, force: true }));

const drifting = () => ({ ...documented("get-participant-data-from-peer-id"), request_id: "r-1" });

describe("the client of one build with the validator of the other", () => {
  it.each([
    ["ES module client, CommonJS validator", () => [esm, cjs] as const],
    ["CommonJS client, ES module validator", () => [cjs, esm] as const],
  ])("%s", async (_, builds) => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const [clientBuild, driftBuild] = builds();
    const { fetch } = fakeFetch({ body: drifting() });
    const rtk = clientBuild.client.createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: "acc",
      appId: "app",
      fetch,
      validateResponses: "throw",
      responseValidator: driftBuild.drift.responseValidator,
    });
    const error = await rejection(rtk.sessions.getParticipantDataFromPeerId(PEER));
    for (const build of [esm, cjs]) {
      expect(error).toBeInstanceOf(build.drift.ResponseValidationError);
      expect(error).toBeInstanceOf(build.client.RealtimeKitError);
      expect(error).not.toBeInstanceOf(build.client.APIError);
    }
    expect((error as Drift.ResponseValidationError).report.differences.map((d) => d.pointer)).toEqual([
      "/request_id",
    ]);
    vi.restoreAllMocks();
  });

  it("both builds give the same report", () => {
    expect(cjs.drift.driftReport("getParticipantDataFromPeerId", drifting())).toEqual(
      esm.drift.driftReport("getParticipantDataFromPeerId", drifting()),
    );
  });
});
