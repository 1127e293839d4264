/**
 * One class identity across module systems: the ES module and CommonJS builds, loaded in one process (a
 * mixed codebase, or a dependency that `require`s us), each see the other's errors as instances of their
 * own classes, for every exported error class. The builds are made from the current source here, so a
 * stale `dist/` proves nothing either way.
 */
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type * as Client from "../../src/index.js";

type Module = typeof Client;
const packageDir = fileURLToPath(new URL("../../", import.meta.url));
// Inside the package, so that the builds resolve openapi-fetch from its node_modules.
const outDir = `${packageDir}.tmp/identity-${process.pid}`;
let esm: Module;
let cjs: Module;

beforeAll(async () => {
  // tsdown's declarations name optional packages that are not installed; its `build` is all this needs.
  const { build } = (await import("tsdown" as string)) as { build: (options: object) => Promise<unknown> };
  await build({
    config: false,
    entry: [`${packageDir}src/index.ts`],
    format: ["esm", "cjs"],
    platform: "neutral",
    outDir,
    dts: false,
    logLevel: "silent",
  });
  esm = await import(pathToFileURL(`${outDir}/index.js`).href);
  cjs = createRequire(import.meta.url)(`${outDir}/index.cjs`);
}, 60_000);
afterAll(() => rm(`${packageDir}.tmp`, { recursive: true, force: true }));

const errorClasses = [
  "RealtimeKitError",
  "InvalidParameterError",
  "APIError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
  "APIConnectionError",
  "APIConnectionTimeoutError",
  "APIUserAbortError",
] as const;

/** An instance of the class `name` of `m`, built the way the client builds it. */
const make = (m: Module, name: (typeof errorClasses)[number]): Error => {
  const C = m[name] as unknown as new (...args: unknown[]) => Error;
  if (name === "InvalidParameterError") return new C("timeout", "is wrong");
  if (name === "RealtimeKitError" || name.startsWith("APIConnection") || name === "APIUserAbortError") {
    return new C();
  }
  return new C(500, new Headers(), undefined);
};

describe("instanceof across the ES module and CommonJS builds", () => {
  test("the two builds are two copies of every class", () => {
    for (const name of errorClasses) expect(esm[name]).not.toBe(cjs[name]);
  });

  test.each(errorClasses)(
    "%s: thrown by either build, an instance of both builds' class and its bases",
    (name) => {
      for (const [from, to] of [
        [cjs, esm],
        [esm, cjs],
      ] as const) {
        const error = make(from, name);
        expect(error).toBeInstanceOf(to[name]);
        expect(error).toBeInstanceOf(to.RealtimeKitError);
        expect(error).toBeInstanceOf(Error);
        expect(error.name).toBe(name);
      }
    },
  );

  test("and never an instance of an unrelated class of the other build", () => {
    expect(make(cjs, "NotFoundError")).not.toBeInstanceOf(esm.RateLimitError);
    expect(make(cjs, "NotFoundError")).not.toBeInstanceOf(esm.APIConnectionError);
    expect(make(cjs, "APIConnectionTimeoutError")).toBeInstanceOf(esm.APIConnectionError);
    expect(make(cjs, "APIError")).not.toBeInstanceOf(esm.NotFoundError);
    for (const value of [null, undefined, 42, "NotFoundError", {}, new Error("x"), Object.create(null)]) {
      expect(value).not.toBeInstanceOf(esm.RealtimeKitError);
    }
  });

  test("a real error from a CommonJS client is caught by an ES module's instanceof", async () => {
    const rtk = cjs.createRealtimeKitClient({
      apiToken: "fake-token",
      accountId: "a",
      appId: "b",
      fetch: async () => new Response('{"success":false}', { status: 404 }),
    });
    const error = await rtk.sessions
      .getParticipantDataFromPeerId("5d2c7a9e-3b1f-4c8d-9e6a-7f0b2d4c6e8a")
      .catch((e) => e);
    expect(error).toBeInstanceOf(esm.NotFoundError);
    expect(error).toBeInstanceOf(esm.APIError);
  });

  test("a class of the user's that extends ours is checked the usual way", () => {
    class Mine extends esm.NotFoundError {}
    expect(new Mine(404, new Headers(), undefined)).toBeInstanceOf(Mine);
    expect(new Mine(404, new Headers(), undefined)).toBeInstanceOf(cjs.NotFoundError);
    expect(make(esm, "NotFoundError")).not.toBeInstanceOf(Mine);
  });
});
