// A front end's consumer (fixtures/bundle/app.js) bundled for browsers: no Node built-ins, and small.
import { copyFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientUsingNodeCrypto, clientWithPadding } from "../../src/broken.js";
import { bundleForBrowser, sizeBudget, sizeProblems } from "../../src/bundle.js";
import { browserAppPath, publishedPackage } from "../../src/paths.js";
import { linkPackages, type Scratch, scratch } from "../../src/scratch.js";

const client = publishedPackage("client");
let tmp: Scratch;
let n = 0;
/** The same app with validateResponses on, importing the drift entry. */
const validatedAppPath = join(dirname(browserAppPath), "app-validated.js");
/** The app in a project of its own, with the client (or a copy of it) installed. */
async function app(clientDir: string, source = browserAppPath): Promise<string> {
  const dir = join(tmp.dir, `app-${++n}`);
  await linkPackages(dir, { [client.name]: clientDir });
  await copyFile(source, join(dir, "app.js"));
  return join(dir, "app.js");
}

beforeAll(async () => {
  tmp = await scratch("bundle");
});
afterAll(() => tmp.dispose());

describe("the browser bundle of a consumer calling both operations", () => {
  it("builds with esbuild for the browser with no Node built-in in it", async () => {
    const bundle = await bundleForBrowser(await app(client.dir));
    expect(bundle.problems).toEqual([]);
    expect(bundle.inputs.some((input) => input.includes("openapi-fetch"))).toBe(true);
    expect(bundle.inputs.some((input) => input.includes("packages/client/dist/index.js"))).toBe(true);
  });

  it(`stays within the size budget of ${sizeBudget} bytes minified and gzipped`, async () => {
    const bundle = await bundleForBrowser(await app(client.dir));
    console.log(
      `size budget: the browser bundle of fixtures/bundle/app.js is ${bundle.gzipped} bytes min+gzip ` +
        `(${bundle.minified} bytes minified); budget ${sizeBudget} bytes`,
    );
    expect(sizeProblems(bundle)).toEqual([]);
  });
});

describe("response validation weighs nothing in a bundle that leaves it off", () => {
  it("the spec's validators come in with the drift entry only", async () => {
    const without = await bundleForBrowser(await app(client.dir));
    const validated = await bundleForBrowser(await app(client.dir, validatedAppPath));
    console.log(
      `size budget: without validateResponses ${without.gzipped} bytes min+gzip; with it, ` +
        `${validated.gzipped} bytes (+${validated.gzipped - without.gzipped}, the drift entry and its validators)`,
    );
    const drift = (inputs: string[]) => inputs.filter((input) => /packages\/client\/dist\/drift/.test(input));
    expect(drift(without.inputs)).toEqual([]);
    expect(drift(validated.inputs)).toEqual(["../packages/client/dist/drift.js"]);
    expect(validated.problems).toEqual([]);
    // The validators and the drift report are real weight: were they in the main entry, \`without\` would carry them.
    expect(validated.gzipped - without.gzipped).toBeGreaterThan(2000);
  });
});

describe("the browser checks fail on a broken client", () => {
  it("one that imports a Node built-in", async () => {
    const bundle = await bundleForBrowser(await app(await clientUsingNodeCrypto(tmp.dir)));
    expect(bundle.problems.join("\n")).toMatch(/node:crypto/);
  });

  it("one over the budget", async () => {
    const bundle = await bundleForBrowser(await app(await clientWithPadding(tmp.dir, sizeBudget)));
    expect(bundle.problems).toEqual([]);
    expect(sizeProblems(bundle)).toEqual([
      `the consumer bundle is ${bundle.gzipped} bytes min+gzip, over the budget of ${sizeBudget} bytes`,
    ]);
  });
});
