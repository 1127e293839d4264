/**
 * `pnpm bench:batch`: a day's worth of peer reports pulled against Cloudflare's quota, compressed in time.
 * The mock enforces a quota per token (by default 60 requests per 3 s, as 1,200 per 5 minutes is, scaled
 * down); each contender pulls the same N reports in a fresh process, with the same number in flight, in
 * the loop a user would write. Per contender: wall time over the quota's floor (N / limit × window, the
 * least time any client can take without a 429), 429s received, and calls that failed.
 *
 *   BATCH_N=500 BATCH_LIMIT=60 BATCH_WINDOW_MS=3000 BATCH_CONCURRENCY=8   the defaults
 *   BENCH_WRITE_README=1   also put the table into bench/README.md and the root README
 *   BENCH_WRITE_RESULTS=1  write bench/batch-results.json (tracked); otherwise bench/.tmp/
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, platform, release } from "node:os";
import { startMockServer } from "@realtimekit-api/mock";
import { inChild } from "../child.js";
import { writeReadme } from "../report.js";
import { batchContenders } from "./contenders.js";
import type { PullInput, PullResult } from "./pull.js";

const setting = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(
      `bench:batch: ${name}=${raw} is not a whole number of 1 or more.\nRun: ${name}=${fallback} pnpm bench:batch`,
    );
    process.exit(2);
  }
  return value;
};

const n = setting("BATCH_N", 500);
const limit = setting("BATCH_LIMIT", 60);
const windowMs = setting("BATCH_WINDOW_MS", 3_000);
const concurrency = setting("BATCH_CONCURRENCY", 8);
const floorMs = (n / limit) * windowMs;
const peerIds = Array.from({ length: n }, (_, i) => `5d2c7a9e-3b1f-4c8d-9e6a-${String(i).padStart(12, "0")}`);

const progress = (text: string) => process.stderr.write(`bench:batch: ${text}\n`);
progress(
  `${n} peer reports, quota ${limit} per ${windowMs} ms, ${concurrency} in flight; floor ${(floorMs / 1000).toFixed(1)} s`,
);

const rows: (PullResult & { id: string; label: string; requests: number })[] = [];
for (const contender of batchContenders) {
  // A fresh mock for each, so that no contender starts in a window another one spent.
  const mock = await startMockServer({ rateLimit: { limit, windowMs } });
  const forget = setInterval(() => {
    requests += mock.requests.length;
    mock.requests.length = 0;
  }, 1_000);
  let requests = 0;
  try {
    progress(`${contender.label}…`);
    const result = await inChild<PullInput, PullResult>(new URL("./pull.ts", import.meta.url).href, {
      contender: contender.id,
      baseURL: mock.baseURL,
      peerIds,
      concurrency,
    });
    requests += mock.requests.length;
    rows.push({ id: contender.id, label: contender.label, requests, ...result });
    progress(
      `${contender.label}: ${(result.wallMs / 1000).toFixed(1)} s, ${result.tooMany} × 429, ${result.failures} failed`,
    );
  } finally {
    clearInterval(forget);
    await mock.close();
  }
}

const ratio = (row: PullResult) => row.wallMs / floorMs;
const format = new Intl.NumberFormat("en-US");
const table = [
  `| ${n} peer reports, ${limit} per ${windowMs / 1000} s, ${concurrency} in flight | wall time | × floor (${(floorMs / 1000).toFixed(1)} s) | 429s received | requests sent | calls failed |`,
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (row) =>
      `| ${row.label} | ${(row.wallMs / 1000).toFixed(1)} s | ${ratio(row).toFixed(2)}× | ${format.format(row.tooMany)} | ${format.format(row.requests)} | ${format.format(row.failures)} |`,
  ),
].join("\n");
const ours = rows.find((row) => row.id === "client") as (typeof rows)[number];
const target = `Target for the paced client: 0 × 429, 0 failed, at most 1.10× the floor; measured ${ours.tooMany} × 429, ${ours.failures} failed, ${ratio(ours).toFixed(2)}× (${ours.tooMany === 0 && ours.failures === 0 && ratio(ours) <= 1.1 ? "met" : "**missed**"}).`;
const machine = `Node ${process.version}, ${cpus()[0]?.model.trim() ?? "unknown CPU"} (${cpus().length} cores), ${platform()} ${release()}; ${new Date().toISOString().slice(0, 10)}.`;
const text = `${table}\n\n${target}\n\n${machine}`;
console.log(`${text}\n`);
for (const row of rows) {
  if (row.firstFailures.length) console.log(`${row.label}, first failures: ${row.firstFailures.join(" | ")}`);
}

const results = {
  command: "pnpm bench:batch",
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model.trim(),
  cores: cpus().length,
  settings: { n, limit, windowMs, concurrency, floorMs },
  contenders: rows,
};
const tracked = process.env.BENCH_WRITE_RESULTS === "1";
const file = new URL(tracked ? "../../batch-results.json" : "../../.tmp/batch-results.json", import.meta.url);
mkdirSync(new URL(".", file), { recursive: true });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
progress(
  `wrote ${tracked ? "bench/batch-results.json" : "bench/.tmp/batch-results.json (BENCH_WRITE_RESULTS=1 writes the tracked one)"}`,
);
if (process.env.BENCH_WRITE_README === "1") {
  const body = `Measured with \`pnpm bench:batch\`:\n\n${text}`;
  for (const readme of ["../../README.md", "../../../README.md"]) {
    if (!writeReadme(new URL(readme, import.meta.url), body, "bench-batch")) {
      console.error(`${readme} has no <!-- bench-batch:start --> and <!-- bench-batch:end --> markers.`);
      process.exitCode = 1;
    }
  }
}
if (ours.tooMany || ours.failures || ratio(ours) > 1.1) process.exitCode = 1;
