/** The soak's numbers: latency percentiles, memory after a full GC, and the summary it prints. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The value below which `p` (0 to 1) of the sorted values fall; NaN for none. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);

// `pnpm soak` runs through tsx, which takes no Node flags: ask V8 for `gc` at run time instead.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export interface Memory {
  rss: number;
  heapUsed: number;
}

/** RSS and heap in use after a full collection, so that garbage not yet collected does not count. */
export async function settledMemory(): Promise<Memory> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

export interface SoakSummary {
  seconds: number;
  concurrency: number;
  calls: number;
  attempts: number;
  outcomes: Map<string, number>;
  served: Map<string, number>;
  latencies: number[];
  memoryAtStart: Memory;
  memoryAtEnd: Memory;
  problems: string[];
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;
const count = (value: number) => value.toLocaleString("en-US");
const list = (counts: Map<string, number>) =>
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${count(n)}`)
    .join(", ");

/** The summary as the lines `pnpm soak` prints. */
export function formatSummary(s: SoakSummary): string {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const errors = new Map([...s.outcomes].filter(([name]) => name !== "ok"));
  const errorCount = [...errors.values()].reduce((sum, n) => sum + n, 0);
  return [
    `soak: ${s.seconds} s, ${s.concurrency} calls at a time against the mock server`,
    `  calls made        ${count(s.calls)} (${count(Math.round(s.calls / s.seconds))}/s), ${count(s.outcomes.get("ok") ?? 0)} succeeded`,
    `  HTTP attempts     ${count(s.attempts)}, of which retries ${count(s.attempts - s.calls)}`,
    `  errors by class   ${errorCount === 0 ? "none" : `${count(errorCount)}: ${list(errors)}`}`,
    `  latency per call  p50 ${ms(percentile(sorted, 0.5))}, p99 ${ms(percentile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
    `  RSS               ${mb(s.memoryAtStart.rss)} at start, ${mb(s.memoryAtEnd.rss)} at end (heap after GC ${mb(s.memoryAtStart.heapUsed)} → ${mb(s.memoryAtEnd.heapUsed)})`,
    `  server answered   ${list(s.served)}`,
    s.problems.length === 0
      ? "  problems          none"
      : `  PROBLEMS\n${s.problems.map((p) => `    - ${p}`).join("\n")}`,
  ].join("\n");
}
