/**
 * Run by process.test.ts in a child process (`node --expose-gc`), against the parent's loopback server:
 * waves of concurrent calls of every kind (answered, retried, timed out, aborted, reset, refused), then one
 * line of JSON on stdout. It never calls `process.exit`: the parent checks that the process ends by itself
 * once the last call has settled, which it cannot while the client holds a timer, socket or listener.
 */
import { createRealtimeKitClient } from "../../src/index.js";

export interface ChildConfig {
  baseURL: string;
  /** A loopback port nobody listens on. */
  refusedURL: string;
  waves: number;
  callsPerWave: number;
}

export interface ChildReport {
  /** Error class names (or "ok") by kind of call, over every wave. */
  outcomes: Record<string, Record<string, number>>;
  /** Heap in use after the first wave (the warm-up) and after the last, each after a full GC. */
  heapAfterWarmUp: number;
  heapAfterLoad: number;
  rssAfterWarmUp: number;
  rssAfterLoad: number;
}

const config = JSON.parse(process.argv[2] ?? "{}") as ChildConfig;
const ids = {
  accountId: "023e105f4ecef8ad9ca31a8372d0c353",
  appId: "app-0001",
};
const session = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
// The default timeout (60 s) on purpose: a timer that outlived its call would hold the process a minute.
const rtk = createRealtimeKitClient({
  apiToken: "child-token",
  ...ids,
  baseURL: config.baseURL,
  maxRetries: 1,
});
const refused = createRealtimeKitClient({ apiToken: "child-token", ...ids, baseURL: config.refusedURL });

const kinds = ["ok", "ok", "ok", "ok", "ok", "retried", "unavailable", "timeout", "abort", "reset"] as const;

function call(kind: string, i: number): Promise<unknown> {
  const id = crypto.randomUUID();
  const headers = { "x-fault": kind };
  if (kind === "timeout") return rtk.sessions.getParticipantDataFromPeerId(id, {}, { headers, timeout: 50 });
  if (kind === "abort") {
    return rtk.sessions.getParticipantDataFromPeerId(id, {}, { headers, signal: AbortSignal.timeout(50) });
  }
  if (kind === "refused") return refused.sessions.getParticipantDataFromPeerId(id, {}, { maxRetries: 0 });
  return i % 2 === 0
    ? rtk.sessions.getSessionParticipantDetails(id, { session_id: session }, { headers })
    : rtk.sessions.getParticipantDataFromPeerId(id, {}, { headers });
}

const outcomes: ChildReport["outcomes"] = {};
async function wave(): Promise<void> {
  const planned: string[] = Array.from(
    { length: config.callsPerWave },
    (_, i) => kinds[i % kinds.length] ?? "ok",
  );
  planned.push("refused");
  const settled = await Promise.allSettled(planned.map((kind, i) => call(kind, i)));
  settled.forEach((outcome, i) => {
    const kind = planned[i] ?? "?";
    const name = outcome.status === "fulfilled" ? "ok" : String((outcome.reason as Error)?.name);
    const byName = outcomes[kind] ?? {};
    byName[name] = (byName[name] ?? 0) + 1;
    outcomes[kind] = byName;
  });
}

async function settledHeap(): Promise<{ heap: number; rss: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  // A few rounds with turns of the event loop between, so finalizers and weak references settle too.
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss };
}

await wave();
const warm = await settledHeap();
for (let i = 1; i < config.waves; i++) await wave();
const loaded = await settledHeap();

const report: ChildReport = {
  outcomes,
  heapAfterWarmUp: warm.heap,
  heapAfterLoad: loaded.heap,
  rssAfterWarmUp: warm.rss,
  rssAfterLoad: loaded.rss,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
