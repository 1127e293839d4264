/**
 * Per-request cost: each contender makes the two calls in turn, one in flight, against the loopback server.
 * Contenders alternate in short blocks, many rounds of them in a rotating order, each block after a garbage
 * collection, so that a noisy neighbour or a slow moment on the machine hits them all alike; the ratio to
 * bare fetch is the median of the ratios within each round. CPU time (`process.cpuUsage`, this process
 * only; the server runs in another) is steadier than wall time on a shared machine.
 */
import { deepStrictEqual } from "node:assert/strict";
import { inChild, serveChild } from "./child.js";
import { type Calls, contenders, load } from "./contenders.js";
import { expected } from "./server.js";
import { median } from "./stats.js";

export interface PerRequestOptions {
  baseURL: string;
  /** Rounds in which every contender runs one block. */
  rounds: number;
  /** Requests in a block, alternating the two calls. */
  requests: number;
  /** Requests of each contender before the first round. */
  warmup: number;
}

export interface PerRequestResult {
  /** Median wall time per request, in microseconds. */
  wallUs: number;
  /** Median CPU time (user + system) per request, in microseconds. */
  cpuUs: number;
  /** Median over rounds of wall time per request divided by the baseline's in the same round. */
  ratio: number;
  /** The same for CPU time. */
  cpuRatio: number;
}

/** Runs `list` in alternating blocks; ratios are to the entry whose id is `baseline`. */
export const alternate = async (
  list: { id: string; calls: Calls }[],
  baseline: string,
  options: PerRequestOptions,
): Promise<Record<string, PerRequestResult>> => {
  const run = async ({ calls }: { calls: Calls }, requests: number): Promise<void> => {
    for (let i = 0; i < requests; i++) await (i & 1 ? calls.peer() : calls.details());
  };
  for (const entry of list) await run(entry, options.warmup);
  const wall: number[][] = list.map(() => []);
  const cpu: number[][] = list.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < list.length; k++) {
      const j = (round + k) % list.length;
      const entry = list[j];
      if (!entry) continue;
      globalThis.gc?.();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await run(entry, options.requests);
      const elapsed = performance.now() - t0;
      const used = process.cpuUsage(cpu0);
      wall[j]?.push((elapsed * 1000) / options.requests);
      cpu[j]?.push((used.user + used.system) / options.requests);
    }
  }
  const base = list.findIndex((entry) => entry.id === baseline);
  const ratio = (series: number[][], j: number) =>
    median((series[j] ?? []).map((value, round) => value / (series[base]?.[round] ?? Number.NaN)));
  return Object.fromEntries(
    list.map((entry, j) => [
      entry.id,
      {
        wallUs: median(wall[j] ?? []),
        cpuUs: median(cpu[j] ?? []),
        ratio: ratio(wall, j),
        cpuRatio: ratio(cpu, j),
      },
    ]),
  );
};

const measure = async (options: PerRequestOptions): Promise<Record<string, PerRequestResult>> => {
  const list = await Promise.all(
    contenders
      .filter((contender) => !contender.variant)
      .map(async (contender) => ({ ...contender, calls: await load(contender, options.baseURL) })),
  );
  for (const { label, calls } of list) {
    // A contender that got a different answer is not measured: it would not be doing the same work.
    deepStrictEqual(await calls.details(), expected.details, `${label}: details`);
    deepStrictEqual(await calls.peer(), expected.peer, `${label}: peer`);
  }
  return alternate(list, "fetch", options);
};

/** Measures every contender's per-request cost in a fresh process. */
export const measurePerRequest = (options: PerRequestOptions) =>
  inChild<PerRequestOptions, Record<string, PerRequestResult>>(import.meta.url, options, ["--expose-gc"]);

serveChild(import.meta.url, measure);
