/**
 * Consumer type-check: each consumer module checked by the TypeScript API (what `tsc --noEmit` does) in a
 * fresh process, with the compiler options below; time from creating the program to its diagnostics, and
 * the process's peak RSS. The baseline is a consumer file that imports nothing, checked the same way.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { benchDir, type Contender, nothing } from "./contenders.js";
import { median } from "./stats.js";

/**
 * A consumer's tsconfig as `tsc --init` (TypeScript 5.9) writes it for a new project, minus the emit. Its
 * `skipLibCheck: true` is what most projects run with; the bench also checks with it off, as tsc's default.
 */
export const compilerOptions = {
  module: "nodenext",
  target: "esnext",
  types: [],
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  strict: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUncheckedSideEffectImports: true,
  moduleDetection: "force",
  skipLibCheck: true,
  noEmit: true,
};

// Runs in the child: plain JavaScript, so the child loads nothing but TypeScript.
const check = `
const [typescript, file, json, cwd] = process.argv.slice(1);
const ts = require(typescript);
const t0 = performance.now();
const { options } = ts.convertCompilerOptionsFromJson(JSON.parse(json), cwd);
const program = ts.createProgram([file], options);
const diagnostics = ts.getPreEmitDiagnostics(program);
const ms = performance.now() - t0;
console.log(JSON.stringify({
  ms,
  maxRSS: process.resourceUsage().maxRSS * 1024,
  files: program.getSourceFiles().length,
  errors: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\\n")),
}));
`;

const typescript = createRequire(import.meta.url).resolve("typescript");

const run = (file: string, libCheck: boolean): { ms: number; maxRSS: number; files: number } => {
  const options = JSON.stringify({ ...compilerOptions, skipLibCheck: !libCheck });
  const result = spawnSync(process.execPath, ["-e", check, typescript, file, options, benchDir], {
    cwd: benchDir,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`type-checking ${file} crashed:\n${result.stderr}`);
  const answer = JSON.parse(result.stdout) as { ms: number; maxRSS: number; files: number; errors: string[] };
  // A consumer that does not type-check would be timed doing something else.
  if (answer.errors.length) throw new Error(`${file} does not type-check:\n${answer.errors.join("\n")}`);
  return answer;
};

export interface TypecheckResult {
  /** Median milliseconds from creating the program to its diagnostics. */
  ms: number;
  /** `ms` over the baseline's, the median of each round's ratio. */
  ratio: number;
  /** Median peak RSS of the checking process, in bytes. */
  maxRSS: number;
  /** `maxRSS` over the baseline's. */
  rssRatio: number;
  /** Source files in the program, lib files included. */
  files: number;
}

/**
 * Type-checks each contender's consumer and the baseline `rounds` times, alternating; `libCheck` checks the
 * libraries' declaration files too.
 */
export const measureTypecheck = (
  list: Contender[],
  rounds: number,
  libCheck: boolean,
): Record<string, TypecheckResult> => {
  const files = [nothing, ...list.map((contender) => contender.consumer)];
  const runs = files.map(() => [] as ReturnType<typeof run>[]);
  run(nothing, libCheck); // The first run reads TypeScript's lib files from disk; it is not counted.
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < files.length; k++) {
      const j = (round + k) % files.length;
      runs[j]?.push(run(files[j] as string, libCheck));
    }
  }
  const [base = [], ...rest] = runs;
  const summary = (own: ReturnType<typeof run>[]): TypecheckResult => ({
    ms: median(own.map((r) => r.ms)),
    ratio: median(own.map((r, round) => r.ms / (base[round]?.ms ?? Number.NaN))),
    maxRSS: median(own.map((r) => r.maxRSS)),
    rssRatio: median(own.map((r, round) => r.maxRSS / (base[round]?.maxRSS ?? Number.NaN))),
    files: own[0]?.files ?? 0,
  });
  return {
    nothing: summary(base),
    ...Object.fromEntries(list.map((contender, j) => [contender.id, summary(rest[j] ?? [])])),
  };
};
