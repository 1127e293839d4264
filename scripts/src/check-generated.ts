import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { generate, regenerateCommand } from "./generate.js";
import { type Layout, repo } from "./paths.js";

/** The generated files whose committed content differs from what the spec makes now. */
export async function staleGeneratedFiles(layout: Layout = repo): Promise<string[]> {
  const stale: string[] = [];
  for (const [file, expected] of await generate(layout)) {
    const actual = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (actual !== expected) stale.push(relative(layout.root, file));
  }
  return stale;
}

async function main(): Promise<void> {
  const stale = await staleGeneratedFiles();
  if (stale.length === 0) {
    console.log("check:generated: generated files match spec/openapi.yaml");
    return;
  }
  console.error("check:generated: these files differ from what spec/openapi.yaml generates:");
  for (const file of stale) console.error(`  - ${file}`);
  console.error(
    `Fix: run \`${regenerateCommand}\` and commit the result (never edit generated files by hand).`,
  );
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
