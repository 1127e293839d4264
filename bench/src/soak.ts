/**
 * `pnpm soak`: a bounded run of mixed calls against the mock server while it answers with every fault the
 * client must survive (429s, 5xx, an HTML 502, hangs, resets, delays; see soak-faults.ts). Prints calls
 * made, retries, errors by class, latency percentiles and memory at start and end. Not part of `pnpm test`.
 *
 *   SOAK_SECONDS=10         how long to keep calling (default 60)
 *   SOAK_CONCURRENCY=64     calls in flight at once (default 32)
 *
 * Exits 1 when a call failed with something other than a RealtimeKitError, when an error showed the
 * token, or when the process does not end by itself after the run (something the client left open).
 */
import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { createRealtimeKitClient, type ParticipantFilter, RealtimeKitError } from "@realtimekit-api/client";
import { startMockServer } from "@realtimekit-api/mock";
import { faults, pickAnswer } from "./soak-faults.js";
import { formatSummary, settledMemory } from "./soak-report.js";

function setting(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(
      `soak: ${name}=${raw} is not a whole number from 1 to ${max}.\nRun: ${name}=${fallback} pnpm soak`,
    );
    process.exit(2);
  }
  return value;
}

const seconds = setting("SOAK_SECONDS", 60, 86_400);
const concurrency = setting("SOAK_CONCURRENCY", 32, 1_000);
/** Calls still running this long after the end mean a call the client failed to bound. */
const drainWithinMs = 30_000;

const token = `soak-token-${randomUUID()}`;
const filters: ParticipantFilter[] = [
  "device_info",
  "ip_information",
  "precall_network_information",
  "events",
];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

const memoryAtStart = await settledMemory();
const served = new Map<string, number>();
const server = await startMockServer({
  // The documented answers, as the fault mix describes, so soak runs stay comparable across versions.
  data: "documented",
  scripts: {
    getSessionParticipantDetails: () => pickAnswer(served),
    getParticipantDataFromPeerId: () => pickAnswer(served),
  },
});
// The mock keeps every request it receives; the soak needs none of them, and they would count as growth.
const forget = setInterval(() => {
  server.requests.length = 0;
}, 1_000);

let attempts = 0;
const rtk = createRealtimeKitClient({
  apiToken: token,
  accountId: "023e105f4ecef8ad9ca31a8372d0c353",
  appId: "soak-app",
  baseURL: server.baseURL,
  // Short, so that a hung answer costs a second rather than a minute; retries as by default.
  timeout: 1_000,
  maxRetries: 2,
  fetch: (request) => {
    attempts++;
    return fetch(request);
  },
});

/** One call of either operation, with random parameters; a few carry a signal that aborts them early. */
function oneCall(): Promise<unknown> {
  const options =
    Math.random() < 0.03 ? { signal: AbortSignal.timeout(20 + Math.floor(Math.random() * 300)) } : {};
  if (Math.random() < 0.5) {
    return rtk.sessions.getParticipantDataFromPeerId(randomUUID(), { filters: "quality_stats" }, options);
  }
  return rtk.sessions.getSessionParticipantDetails(
    randomUUID(),
    {
      session_id: randomUUID(),
      filters: [pick(filters), pick(filters)],
      include_peer_events: Math.random() < 0.5,
    },
    options,
  );
}

const outcomes = new Map<string, number>();
const latencies: number[] = [];
const problems: string[] = [];
const problem = (text: string) => {
  if (problems.length < 20 && !problems.includes(text)) problems.push(text);
};

/** What the issue asks of every error: a RealtimeKitError, and the token in none of its renderings. */
function check(error: unknown): string {
  if (!(error instanceof RealtimeKitError)) {
    problem(`a call failed with ${inspect(error, { depth: 2 }).split("\n")[0]}, not a RealtimeKitError`);
    return "not a RealtimeKitError";
  }
  const text = [String(error), error.stack, JSON.stringify(error), inspect(error, { depth: 6 })].join("\n");
  if (text.includes(token)) problem(`the token shows in a ${error.name}: ${error.message}`);
  return error.name;
}

const start = performance.now();
const deadline = start + seconds * 1_000;
const progress = setInterval(() => {
  const errors = [...outcomes].filter(([name]) => name !== "ok").reduce((sum, [, n]) => sum + n, 0);
  const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  const elapsed = Math.round((performance.now() - start) / 1_000);
  process.stderr.write(`soak: ${elapsed} s, ${latencies.length} calls, ${errors} errors, rss ${rss} MB\n`);
}, 10_000);

/** When each worker's current call began, to name the ones that never settle. */
const inFlight = new Map<number, number>();

async function worker(_: unknown, index: number): Promise<void> {
  while (performance.now() < deadline) {
    const began = performance.now();
    inFlight.set(index, began);
    let outcome = "ok";
    try {
      await oneCall();
    } catch (error) {
      outcome = check(error);
    }
    inFlight.delete(index);
    latencies.push(performance.now() - began);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
}

process.stderr.write(
  `soak: ${seconds} s, ${concurrency} at a time; the mock answers ${faults.map((f) => f.name).join(", ")}\n`,
);
const drained = await Promise.race([
  Promise.all(Array.from({ length: concurrency }, worker)).then(() => true),
  new Promise<false>((resolve) => setTimeout(resolve, seconds * 1_000 + drainWithinMs, false).unref()),
]);
if (!drained) {
  const ages = [...inFlight.values()].map((began) => Math.round((performance.now() - began) / 1_000));
  problem(`${ages.length} calls never settled; they had been running ${ages.join(", ")} s`);
}
const ranFor = (performance.now() - start) / 1_000;
clearInterval(progress);
clearInterval(forget);
await server.close();

console.log(
  formatSummary({
    seconds: Math.round(ranFor),
    concurrency,
    calls: latencies.length,
    attempts,
    outcomes,
    served,
    latencies,
    memoryAtStart,
    memoryAtEnd: await settledMemory(),
    problems,
  }),
);
if (problems.length > 0 || !drained) {
  process.exitCode = 1;
  if (!drained) process.exit();
}
// Unreferenced, so it cannot keep the process alive itself: it fires only if something else does.
setTimeout(() => {
  console.error("soak: the process was still running 10 s after the run; the client left something open");
  process.exit(1);
}, 10_000).unref();
