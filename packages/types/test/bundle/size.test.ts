// What the package adds to a browser bundle, built by esbuild from the published dist/ as an app would.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

// Bytes, min+gzip (level 9): the serializer is 547 bytes with its table and the errors that name a bad
// query, parameter or lone surrogate; the budget leaves room for a few more query parameters, not for a
// dependency.
const budget = 576;

async function bundle(contents: string, ignoreAnnotations = false): Promise<string> {
  const result = await build({
    // ignoreAnnotations: as a bundler that does not read package.json's `sideEffects` would see it.
    ignoreAnnotations,
    stdin: { contents, resolveDir: new URL(".", import.meta.url).pathname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

it("adds nothing to a bundle that does not use querySerializer, with or without `sideEffects: false`", async () => {
  expect(await bundle('import "@realtimekit-api/types";')).toBe("");
  expect(await bundle('import "@realtimekit-api/types";', true)).toBe("");
});

it(`adds querySerializer in at most ${budget} bytes, min+gzip`, async () => {
  const code = await bundle('export { querySerializer } from "@realtimekit-api/types";');
  expect(code).toContain("encodeURIComponent");
  const size = gzipSync(code, { level: 9 }).length;
  console.log(`querySerializer: ${code.length} bytes minified, ${size} bytes min+gzip (budget ${budget})`);
  expect(size).toBeLessThanOrEqual(budget);
});
