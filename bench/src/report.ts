/**
 * The results as a Markdown table (contenders across, measures down) with the client's targets under it,
 * and as results.json.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { BundleResult } from "./bundle.js";
import type { ColdStartResult } from "./cold-start.js";
import type { Contender } from "./contenders.js";
import type { FootprintResult } from "./footprint.js";
import { layers as layerList } from "./layers.js";
import type { MemoryResult } from "./memory.js";
import type { PerRequestResult } from "./per-request.js";
import type { TypecheckResult } from "./typecheck.js";

export interface Results {
  command: string;
  date: string;
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  settings: Record<string, unknown>;
  contenders: Pick<Contender, "id" | "label">[];
  perRequest?: Record<string, PerRequestResult>;
  layers?: Record<string, PerRequestResult>;
  bundle?: Record<string, BundleResult>;
  coldStart?: Record<string, ColdStartResult>;
  typecheck?: Record<string, TypecheckResult>;
  typecheckLibCheck?: Record<string, TypecheckResult>;
  footprint?: Record<string, FootprintResult>;
  memory?: Record<string, MemoryResult>;
  targets?: Target[];
}

export interface Target {
  measure: string;
  target: string;
  value: string;
  met: boolean;
}

const thousands = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const bytes = (n: number) => `${thousands(n)} B`;
const kB = (n: number) => (n >= 1e6 ? `${thousands(n / 1e6, 1)} MB` : `${thousands(n / 1e3, 1)} kB`);
const mb = (n: number) => `${thousands(n / 1e6, 1)} MB`;
const ratio = (n: number) => `${n.toFixed(2)}×`;
const ms = (n: number) => `${thousands(n, n < 100 ? 1 : 0)} ms`;
const us = (n: number) => `${thousands(n)} µs`;

/** The client's targets from issue 6, measured. */
export const targets = (results: Results): Target[] => {
  const list: Target[] = [];
  const perRequest = results.perRequest?.client;
  if (perRequest)
    list.push({
      measure: "time per request, × bare fetch (median)",
      target: "≤ 1.05×",
      value: ratio(perRequest.ratio),
      met: perRequest.ratio <= 1.05,
    });
  const bundle = results.bundle?.client;
  if (bundle)
    list.push({
      measure: "consumer bundle, min+gzip",
      target: "< 4,000 B",
      value: bytes(bundle.gzipped),
      met: bundle.gzipped < 4000,
    });
  const start = results.coldStart?.client;
  if (start)
    list.push({
      measure: "cold start: import over an empty module",
      target: "< 15 ms",
      value: ms(start.overEmptyMs),
      met: start.overEmptyMs < 15,
    });
  for (const [key, label] of [
    ["typecheck", "skipLibCheck, as tsc --init"],
    ["typecheckLibCheck", "with lib check"],
  ] as const) {
    const check = results[key]?.client;
    if (check)
      list.push({
        measure: `consumer type-check (${label}), × a file importing nothing`,
        target: "≤ 1.2×",
        value: ratio(check.ratio),
        met: check.ratio <= 1.2,
      });
  }
  return list;
};

/** The results as Markdown: the table, then the client's targets. */
export const markdown = (results: Results): string => {
  const columns = results.contenders;
  const rows: [string, (id: string) => string | undefined][] = [];
  const { perRequest, bundle, coldStart, typecheck, typecheckLibCheck, footprint, memory } = results;
  if (perRequest) {
    rows.push(["time per request, median", (id) => perRequest[id] && us(perRequest[id].wallUs)]);
    rows.push(["… × bare fetch", (id) => perRequest[id] && ratio(perRequest[id].ratio)]);
    rows.push(["CPU per request, median", (id) => perRequest[id] && us(perRequest[id].cpuUs)]);
    rows.push(["… × bare fetch", (id) => perRequest[id] && ratio(perRequest[id].cpuRatio)]);
  }
  if (bundle) {
    rows.push(["consumer bundle, min+gzip", (id) => bundle[id] && bytes(bundle[id].gzipped)]);
    rows.push(["consumer bundle, min", (id) => bundle[id] && bytes(bundle[id].minified)]);
  }
  if (coldStart) {
    const none = (id: string) => (id === "fetch" ? "nothing to import" : undefined);
    rows.push([
      "cold start: import in a fresh node, over an empty module",
      (id) => none(id) ?? (coldStart[id] && ms(coldStart[id].overEmptyMs)),
    ]);
    rows.push([
      `… import time, with the module loader's warm-up (${ms(coldStart.empty?.importMs ?? Number.NaN)})`,
      (id) => none(id) ?? (coldStart[id] && ms(coldStart[id].importMs)),
    ]);
  }
  for (const [check, label] of [
    [typecheck, "type-check"],
    [typecheckLibCheck, "type-check with lib check"],
  ] as const) {
    if (!check) continue;
    rows.push([`${label}, × importing nothing`, (id) => check[id] && `${ratio(check[id].ratio)}`]);
    rows.push([`${label}, time`, (id) => check[id] && ms(check[id].ms)]);
    rows.push([`${label}, peak RSS`, (id) => check[id] && mb(check[id].maxRSS)]);
  }
  if (footprint)
    rows.push([
      "install footprint",
      (id) => {
        const own = footprint[id];
        if (!own) return undefined;
        if (!own.packages.length) return "nothing to install";
        return `${kB(own.bytes)}, ${own.packages.length} package${own.packages.length > 1 ? "s" : ""}`;
      },
    ]);
  if (memory) {
    const load = `${thousands(Number(results.settings.loadCalls))} calls, ${results.settings.inFlight} in flight`;
    rows.push([`RSS growth, peak (${load})`, (id) => memory[id] && mb(memory[id].peakGrowth)]);
    rows.push([`JS heap growth, after GC (${load})`, (id) => memory[id] && mb(memory[id].heapGrowth)]);
    rows.push([`calls per second (${load})`, (id) => memory[id] && thousands(memory[id].callsPerSecond)]);
  }
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const table = [
    line(["", ...columns.map((c) => c.label)]),
    line(["---", ...columns.map(() => "---:")]),
    ...rows.map(([label, cell]) => line([label, ...columns.map((c) => cell(c.id) ?? "—")])),
  ];
  const goals = results.targets ?? [];
  const layers = results.layers;
  const layerTable = layers
    ? [
        "",
        line(["per request, layer by layer", "time", "× bare fetch", "CPU", "× bare fetch"]),
        line(["---", "---:", "---:", "---:", "---:"]),
        ...layerList.map(({ id, label }) => {
          const layer = layers[id];
          return line(
            layer
              ? [label, us(layer.wallUs), ratio(layer.ratio), us(layer.cpuUs), ratio(layer.cpuRatio)]
              : [label, "—", "—", "—", "—"],
          );
        }),
      ]
    : [];
  return [
    ...table,
    ...layerTable,
    "",
    line(["@realtimekit-api/client", "target", "measured", ""]),
    line(["---", "---:", "---:", "---"]),
    ...goals.map((t) => line([t.measure, t.target, t.value, t.met ? "met" : "**missed**"])),
    "",
    `Node ${results.node}, ${results.cpu} (${results.cores} cores), ${results.platform}; ${results.date.slice(0, 10)}.`,
  ].join("\n");
};

// A list of numbers or strings goes on one line when it fits, as the repo's formatter (Biome) wants it.
const primitives = /^( *)("(?:[^"\\]|\\.)*": )?\[\n((?: *(?:"(?:[^"\\]|\\.)*"|[\w.+-]+),?\n)+) *\](,?)$/gm;
const oneLine = (json: string) =>
  json.replace(primitives, (whole, indent: string, key = "", items: string, comma: string) => {
    const line = `${indent}${key}[${items
      .split("\n")
      .map((item) => item.trim().replace(/,$/, ""))
      .filter(Boolean)
      .join(", ")}]${comma}`;
    return line.length <= 110 ? line : whole;
  });

/** Writes results.json. */
export const writeResults = (file: URL, results: Results): void =>
  writeFileSync(file, `${oneLine(JSON.stringify(results, null, 2))}\n`);

/** Replaces what is between a README's `<!-- name:start -->` and `<!-- name:end -->` with `text`; false without them. */
export const writeReadme = (file: URL, text: string, name = "bench"): boolean => {
  const readme = readFileSync(file, "utf8");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const [from, to] = [readme.indexOf(start), readme.indexOf(end)];
  if (from < 0 || to < from) return false;
  writeFileSync(file, `${readme.slice(0, from + start.length)}\n${text}\n${readme.slice(to)}`);
  return true;
};
