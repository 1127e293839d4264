/**
 * Bundle size: each consumer module bundled with esbuild for the browser, minified, then gzipped at level 9;
 * what an app that makes the two calls ships. For this client, the metafile says which inputs the bytes
 * come from.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Contender } from "./contenders.js";

export interface BundleResult {
  /** Minified bytes. */
  minified: number;
  /** Minified, then gzipped bytes. */
  gzipped: number;
  /** Minified bytes in the output per input file, largest first. */
  inputs: Record<string, number>;
}

/** Bundles one contender's consumer. */
export const measureBundle = async (contender: Contender): Promise<BundleResult> => {
  const result = await build({
    entryPoints: [contender.consumer],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([file, { bytesInOutput }]) => [file.replace(/^.*node_modules\//, ""), bytesInOutput] as const)
    .sort((a, b) => b[1] - a[1]);
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.fromEntries(inputs),
  };
};
