/**
 * Memory under load: in a fresh process per contender, RSS before and during `calls` calls kept `inFlight`
 * at a time (the two calls alternating), after a warm-up and a garbage collection. Peak growth is what the
 * load costs while it lasts; retained growth, after the last call and a collection, is what it leaves.
 */
import { inChild, serveChild } from "./child.js";
import { type Contender, contenders, load } from "./contenders.js";

export interface MemoryOptions {
  baseURL: string;
  contender: string;
  calls: number;
  inFlight: number;
}

export interface MemoryResult {
  /** Highest RSS seen during the load, minus RSS before it, in bytes. */
  peakGrowth: number;
  /** RSS after the load and a garbage collection, minus RSS before it, in bytes. */
  retainedGrowth: number;
  /** Heap used after the load and a collection, minus before it, in bytes. */
  heapGrowth: number;
  /** Calls per second during the load. */
  callsPerSecond: number;
}

const keepInFlight = async (call: (i: number) => Promise<unknown>, calls: number, inFlight: number) => {
  let next = 0;
  const worker = async () => {
    while (next < calls) await call(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
};

const measure = async (options: MemoryOptions): Promise<MemoryResult> => {
  const contender = contenders.find((c) => c.id === options.contender) as Contender;
  const calls = await load(contender, options.baseURL);
  const call = (i: number) => (i & 1 ? calls.peer() : calls.details());
  await keepInFlight(call, Math.min(options.calls, 1000), options.inFlight);
  const gc = globalThis.gc ?? (() => {});
  gc();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const t0 = performance.now();
  await keepInFlight(call, options.calls, options.inFlight);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  gc();
  const after = process.memoryUsage();
  return {
    peakGrowth: peak - before.rss,
    retainedGrowth: after.rss - before.rss,
    heapGrowth: after.heapUsed - before.heapUsed,
    callsPerSecond: options.calls / seconds,
  };
};

/** Measures one contender under load in a fresh process. */
export const measureMemory = (options: MemoryOptions) =>
  inChild<MemoryOptions, MemoryResult>(import.meta.url, options, ["--expose-gc"]);

serveChild(import.meta.url, measure);
