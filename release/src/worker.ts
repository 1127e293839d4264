import { build, type Metafile } from "esbuild";
import { Miniflare } from "miniflare";

/** A Worker module bundled with everything it imports. */
export interface WorkerBundle {
  script: string;
  /** Every input file, as esbuild names it. */
  inputs: string[];
}

/**
 * Bundles a Worker module as wrangler would: one ES module, `workerd`/`worker`/`browser` export
 * conditions, platform neutral so that a Node built-in is an error rather than silently shimmed.
 */
export async function bundleWorker(entry: string): Promise<WorkerBundle> {
  const result = (await build({
    entryPoints: [entry],
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

/** An answer of the Worker. */
export interface WorkerAnswer {
  status: number;
  body: unknown;
}

/** Options of `runWorker`: what the Worker's `wrangler.jsonc` would say. */
export interface WorkerOptions {
  bindings: Record<string, string>;
  compatibilityDate: string;
  compatibilityFlags?: string[];
}

/** Runs a bundled Worker in workerd (through miniflare), sends it GETs for `paths`, returns the answers. */
export async function runWorker(
  script: string,
  options: WorkerOptions,
  paths: readonly string[],
): Promise<WorkerAnswer[]> {
  let log = "";
  const mf = new Miniflare({
    modules: true,
    script,
    bindings: options.bindings,
    compatibilityDate: options.compatibilityDate,
    compatibilityFlags: options.compatibilityFlags ?? [],
    // workerd reports an uncaught error at start-up on its stderr; keep it for the error we throw.
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) {
        stream.setEncoding("utf8").on("data", (chunk: string) => {
          log += chunk;
        });
      }
    },
  });
  try {
    const answers: WorkerAnswer[] = [];
    for (const path of paths) {
      const response = await mf.dispatchFetch(`http://worker.local${path}`);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      answers.push({ status: response.status, body });
    }
    return answers;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${log}`.trim(), { cause: error });
  } finally {
    // A runtime that never started rejects dispose() with the start-up error already thrown above.
    await mf.dispose().catch(() => {});
  }
}
