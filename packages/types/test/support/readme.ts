import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));

/** The fenced code block of this package's README.md whose first line is `firstLine`, exactly as written. */
export function readmeBlock(firstLine: string): string {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
  const block = blocks.find((code) => code.startsWith(`${firstLine}\n`));
  if (block === undefined) throw new Error(`README.md has no code block starting with ${firstLine}`);
  return block;
}

const scratchDirs: string[] = [];
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs TypeScript source as a module of this package, so that its imports resolve as they do for the
 * package's tests (`@realtimekit-api/types` is src/index.ts, `openapi-fetch` the devDependency).
 */
export async function runModule(source: string): Promise<void> {
  mkdirSync(join(packageDir, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(packageDir, ".tmp", "readme-"));
  scratchDirs.push(dir);
  const file = join(dir, "example.ts");
  writeFileSync(file, source);
  await import(file);
}
