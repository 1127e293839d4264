/**
 * Cold start: how long a fresh `node` process takes to import a contender, timed inside the process around
 * `await import()`, which leaves out the ~100 ms of Node's own start that would otherwise drown it in noise.
 * The first import of any ES module also warms Node's module loader, a cost every ESM program pays whatever
 * it imports; the baseline is a fresh process importing an empty module, and the result is the median of
 * each round's difference. Processes alternate in rounds.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchDir, type Contender } from "./contenders.js";
import { median } from "./stats.js";

const empty = join(benchDir, ".tmp", "empty.mjs");

const importTime = (specifiers: string[]): number => {
  const source = `const t0 = performance.now();
${specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`).join("\n")}
process.stdout.write(String(performance.now() - t0));`;
  // --input-type=module resolves the imports from the working directory, the bench package.
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", source], {
    cwd: benchDir,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`importing ${specifiers.join(", ")} failed:\n${result.stderr}`);
  return Number(result.stdout);
};

export interface ColdStartResult {
  /** Median of each round's import time minus the empty module's, in milliseconds. */
  overEmptyMs: number;
  /** Median import time in a fresh process, module loader warm-up included, in milliseconds. */
  importMs: number;
}

/** Times `rounds` imports of each contender and of an empty module, each in a fresh process. */
export const measureColdStart = (list: Contender[], rounds: number): Record<string, ColdStartResult> => {
  mkdirSync(join(benchDir, ".tmp"), { recursive: true });
  writeFileSync(empty, "export {};\n");
  const base: number[] = [];
  const times: number[][] = list.map(() => []);
  // The first imports also fill the disk cache; they are not counted. One that takes a tenth of a second
  // is measured in fewer rounds: its order of magnitude is the news, not its last millisecond.
  importTime([empty]);
  const slow = list.map((contender) => importTime(contender.imports) > 100);
  for (let round = 0; round < rounds; round++) {
    base.push(importTime([empty]));
    for (const [j, contender] of list.entries()) {
      if (!slow[j] || round < 5) times[j]?.push(importTime(contender.imports));
    }
  }
  return {
    empty: { overEmptyMs: 0, importMs: median(base) },
    ...Object.fromEntries(
      list.map((contender, j) => [
        contender.id,
        {
          overEmptyMs: median((times[j] ?? []).map((time, round) => time - (base[round] ?? Number.NaN))),
          importMs: median(times[j] ?? []),
        },
      ]),
    ),
  };
};
