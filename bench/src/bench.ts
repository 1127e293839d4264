/**
 * `pnpm bench`: what each way of calling the two endpoints costs, side by side, in one run. Prints a
 * Markdown table and writes the results as JSON (the tracked bench/results.json only when asked).
 *
 *   BENCH_QUICK=1                   a shorter run (about a minute), for trying a change
 *   BENCH_ONLY=bundle,cold-start    only these sections: per-request, layers, bundle, cold-start,
 *                                   typecheck, footprint, memory
 *   BENCH_WRITE_README=1            also put the table into the root README, between its bench markers
 *   BENCH_WRITE_RESULTS=1           write the tracked bench/results.json; otherwise bench/.tmp/results.json
 */
import { mkdirSync } from "node:fs";
import { cpus, platform, release } from "node:os";
import { measureBundle } from "./bundle.js";
import { measureColdStart } from "./cold-start.js";
import { contenders } from "./contenders.js";
import { measureFootprint } from "./footprint.js";
import { measureLayers } from "./layers.js";
import { measureMemory } from "./memory.js";
import { measurePerRequest } from "./per-request.js";
import { markdown, type Results, targets, writeReadme, writeResults } from "./report.js";
import { startServer } from "./server.js";
import { measureTypecheck } from "./typecheck.js";

const quick = process.env.BENCH_QUICK === "1";
const sections = ["per-request", "layers", "bundle", "cold-start", "typecheck", "footprint", "memory"];
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()) ?? sections;
const unknown = only.filter((section) => !sections.includes(section));
if (unknown.length) {
  console.error(`BENCH_ONLY: no section ${unknown.join(", ")}; the sections are ${sections.join(", ")}.`);
  process.exit(2);
}

const settings = quick
  ? { rounds: 30, requests: 20, warmup: 200, startRounds: 5, typecheckRounds: 1, loadCalls: 2_000 }
  : { rounds: 120, requests: 40, warmup: 500, startRounds: 15, typecheckRounds: 3, loadCalls: 10_000 };
const inFlight = 100;
const main = contenders.filter((contender) => !contender.variant);
const started = performance.now();
const progress = (text: string) =>
  process.stderr.write(
    `bench: ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s  ${text}\n`,
  );

const results: Results = {
  command: `${quick ? "BENCH_QUICK=1 " : ""}pnpm bench`,
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: cpus().length,
  platform: `${platform()} ${release()}`,
  settings: { ...settings, inFlight, quick, sections: only },
  contenders: contenders.map(({ id, label }) => ({ id, label })),
};

const server = await startServer();
try {
  if (only.includes("footprint")) {
    progress("install footprint");
    results.footprint = Object.fromEntries(contenders.map((c) => [c.id, measureFootprint(c.packages)]));
  }
  if (only.includes("bundle")) {
    progress("bundles");
    results.bundle = {};
    for (const contender of contenders) results.bundle[contender.id] = await measureBundle(contender);
  }
  if (only.includes("per-request")) {
    progress(`per request: ${settings.rounds} rounds of ${settings.requests} requests per contender`);
    results.perRequest = await measurePerRequest({ baseURL: server.baseURL, ...settings });
  }
  if (only.includes("layers")) {
    progress(`per request, layer by layer: ${settings.rounds} rounds of ${settings.requests} requests`);
    results.layers = await measureLayers({ baseURL: server.baseURL, ...settings });
  }
  if (only.includes("memory")) {
    results.memory = {};
    for (const contender of main) {
      progress(`memory: ${contender.label}, ${settings.loadCalls} calls, ${inFlight} in flight`);
      results.memory[contender.id] = await measureMemory({
        baseURL: server.baseURL,
        contender: contender.id,
        calls: settings.loadCalls,
        inFlight,
      });
    }
  }
  if (only.includes("cold-start")) {
    progress(`cold start: ${settings.startRounds} rounds`);
    results.coldStart = measureColdStart(
      contenders.filter((c) => c.id !== "fetch"),
      settings.startRounds,
    );
  }
  if (only.includes("typecheck")) {
    // The tree-shakable entry pulls in the same declaration files as the SDK's main one.
    progress(`type-check: ${settings.typecheckRounds} rounds`);
    results.typecheck = measureTypecheck(main, settings.typecheckRounds, false);
    if (!quick) {
      progress("type-check with lib check: 2 rounds");
      results.typecheckLibCheck = measureTypecheck(main, 2, true);
    }
  }
} finally {
  server.close();
}

results.targets = targets(results);
const table = markdown(results);
console.log(`${table}\n`);
// A run on a laptop is not the record: the tracked file changes only when asked.
const tracked = process.env.BENCH_WRITE_RESULTS === "1";
const resultsFile = tracked ? "results.json" : ".tmp/results.json";
mkdirSync(new URL("../.tmp/", import.meta.url), { recursive: true });
writeResults(new URL(`../${resultsFile}`, import.meta.url), results);
progress(
  `wrote bench/${resultsFile}${tracked ? "" : " (BENCH_WRITE_RESULTS=1 writes the tracked bench/results.json)"}`,
);
if (process.env.BENCH_WRITE_README === "1") {
  const readme = new URL("../../README.md", import.meta.url);
  if (!writeReadme(readme, `Measured with \`${results.command}\`:\n\n${table}`)) {
    console.error("README.md has no <!-- bench:start --> and <!-- bench:end --> markers to write between.");
    process.exitCode = 1;
  } else progress("wrote the table into README.md");
}
