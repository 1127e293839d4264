import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { type Layout, layoutAt, repo } from "../../src/paths.js";

const scratchDirs: string[] = [];
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway copy of the pipeline's inputs and outputs, for mutating without touching the repo. */
export function scratchRepo(): Layout {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-"));
  scratchDirs.push(dir);
  const copy = (path: string) => cpSync(join(repo.root, path), join(dir, path), { recursive: true });
  copy("spec");
  copy("packages/types/package.json");
  copy("packages/types/src/generated");
  copy("packages/client/src/generated");
  copy("packages/mock/src/generated");
  return layoutAt(`${dir}/`);
}

/** Rewrites a JSON file through `change`. */
export function editJson(
  file: string, // biome-ignore lint/suspicious/noExplicitAny: tests reach into example JSON of any shape
  change: (json: any) => void,
): void {
  const json = JSON.parse(readFileSync(file, "utf8"));
  change(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** Replaces the first occurrence of `from` in a text file, failing loudly if it is not there. */
export function editText(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

export const participantExample = (layout: Layout) =>
  `${layout.root}spec/examples/get-session-participant-details.json`;
export const peerExample = (layout: Layout) =>
  `${layout.root}spec/examples/get-participant-data-from-peer-id.json`;
