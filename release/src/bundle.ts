import { builtinModules } from "node:module";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

/** The 5 kB, read as 5 KiB: 5 × 1024 = 5,120 bytes of minified, gzip -9 output. */
export const sizeBudget = 5 * 1024;

/** A consumer bundled for browsers. */
export interface BrowserBundle {
  /** Minified bytes. */
  minified: number;
  /** Those bytes gzipped at level 9. */
  gzipped: number;
  /** Every input file, as esbuild names it. */
  inputs: string[];
  /** What is wrong with it for a browser: Node built-ins pulled in or left as imports. */
  problems: string[];
}

const builtins = new Set(builtinModules);
const isBuiltin = (path: string) => path.startsWith("node:") || builtins.has(path.split("/")[0] ?? path);

/**
 * Bundles `entry` (a consumer's module; bare imports resolve from its folder) with esbuild for browsers,
 * minified, everything inlined. esbuild refuses a Node built-in for `platform: "browser"`, so a failed
 * build is reported as problems rather than thrown.
 */
export async function bundleForBrowser(entry: string): Promise<BrowserBundle> {
  let result: Awaited<ReturnType<typeof build>> & { metafile: Metafile };
  try {
    result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string } | null }[] }).errors;
    return {
      minified: 0,
      gzipped: 0,
      inputs: [],
      problems: errors?.map((e) => `esbuild: ${e.location?.file ?? ""}: ${e.text}`) ?? [String(error)],
    };
  }
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  const inputs = Object.keys(result.metafile.inputs);
  const problems = [
    ...inputs.filter(isBuiltin).map((input) => `Node built-in ${input} is in the bundle`),
    ...Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
      input.imports
        .filter((i) => i.external || isBuiltin(i.path))
        .map((i) => `${file} imports ${i.path}, which a browser cannot load`),
    ),
  ];
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, inputs, problems };
}

/** The size problem of a bundle, if it is over `budget` bytes gzipped. */
export function sizeProblems(bundle: BrowserBundle, budget = sizeBudget): string[] {
  return bundle.gzipped > budget
    ? [`the consumer bundle is ${bundle.gzipped} bytes min+gzip, over the budget of ${budget} bytes`]
    : [];
}
