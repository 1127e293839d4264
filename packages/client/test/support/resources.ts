/**
 * Counting the process's active resources (timers, sockets, handles) around calls, to show that none of a
 * call's outlives it.
 */
import { sleep } from "./outcome.js";

type Counts = Record<string, number>;

function countResources(): Counts {
  const counts: Counts = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/** The resources present in every one of a few samples, so the test runner's passing timers drop out. */
export async function steadyResources(): Promise<Counts> {
  let steady = countResources();
  for (let i = 0; i < 4; i++) {
    await sleep(25);
    const next = countResources();
    steady = Object.fromEntries(
      Object.entries(steady).map(([name, count]) => [name, Math.min(count, next[name] ?? 0)]),
    );
  }
  return steady;
}

function excess(baseline: Counts): Counts {
  return Object.fromEntries(
    Object.entries(countResources())
      .map(([name, count]) => [name, count - (baseline[name] ?? 0)] as const)
      .filter(([, extra]) => extra > 0),
  );
}

/**
 * The kinds of which more are active than in `baseline`. Closed sockets take a few ticks to go, so it waits
 * up to `polls` × 25 ms for the count to settle; a leaked timer or socket stays for the whole wait.
 */
export async function resourcesBeyond(baseline: Counts, polls: number): Promise<Counts> {
  let left = excess(baseline);
  for (let i = 0; i < polls && Object.keys(left).length > 0; i++) {
    await sleep(25);
    left = excess(baseline);
  }
  return left;
}
