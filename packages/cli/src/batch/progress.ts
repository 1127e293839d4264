/**
 * How far a batch has got, on stderr: on a terminal a progress bar (cli-progress) with done and total, rate,
 * ETA, failures and any wait for the quota; otherwise (a pipe, a CI log) a plain line at each tenth done
 * and every 10 s, so a log shows the batch moving without a line per id.
 */

import type { RateLimit } from "@realtimekit-api/client";
import cliProgress from "cli-progress";
import type { BatchStats } from "./runner.js";

/** What the display needs to know about where it writes. */
export interface ProgressTarget {
  /** stderr, as a stream for the bar. */
  stream: NodeJS.WritableStream;
  /** Whether it is a terminal. */
  isTTY: boolean;
  /** A line of text, for the plain display. */
  line(text: string): void;
}

export interface Progress {
  update(stats: BatchStats): void;
  stop(): void;
}

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

/** The wait for the quota, if the client is holding requests for it now. */
export function quotaWait(rateLimit: RateLimit | undefined, now = Date.now()): string {
  if (!rateLimit || rateLimit.remaining > 0 || rateLimit.resetAt === undefined || rateLimit.resetAt <= now) {
    return "";
  }
  return `waiting for the quota, back in ${seconds(rateLimit.resetAt - now)}`;
}

const rateOf = (stats: BatchStats) => (stats.elapsedMs > 0 ? (stats.done / stats.elapsedMs) * 1000 : 0);

/** A progress display for a batch of `total` lines named `label`; `quota` reads the client's quota. */
export function createProgress(
  target: ProgressTarget,
  label: string,
  total: number,
  quota: () => RateLimit | undefined,
): Progress {
  let last: BatchStats = { total, done: 0, ok: 0, failed: 0, bad: 0, skipped: 0, elapsedMs: 0 };
  if (target.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | {failed} failed{quota}`,
        stream: target.stream,
        etaBuffer: 50,
        fps: 5,
        barsize: 24,
      },
      cliProgress.Presets.shades_classic,
    );
    const payload = () => {
      const wait = quotaWait(quota());
      return { rate: rateOf(last).toFixed(1), failed: last.failed, quota: wait ? ` | ${wait}` : "" };
    };
    bar.start(total, 0, payload());
    // The quota's countdown moves while no line completes.
    const timer = setInterval(() => bar.update(last.done, payload()), 500);
    timer.unref();
    let stopped = false;
    return {
      update(stats) {
        last = stats;
        bar.update(stats.done, payload());
      },
      stop() {
        clearInterval(timer);
        if (stopped) return;
        stopped = true;
        bar.update(last.done, payload());
        bar.stop();
      },
    };
  }
  let tenths = 0;
  let printedAt = performance.now();
  const print = () => {
    printedAt = performance.now();
    const rate = rateOf(last);
    const eta = rate > 0 ? `, ETA ${seconds(((last.total - last.done) / rate) * 1000)}` : "";
    const wait = quotaWait(quota());
    target.line(
      `${label}: ${last.done}/${last.total} done, ${last.failed} failed, ${rate.toFixed(1)}/s${eta}${wait ? `, ${wait}` : ""}`,
    );
  };
  const timer = setInterval(() => {
    if (performance.now() - printedAt >= 10_000) print();
  }, 1_000);
  timer.unref();
  return {
    update(stats) {
      last = stats;
      const reached = Math.floor((stats.done / Math.max(1, stats.total)) * 10);
      if (reached > tenths && stats.done < stats.total) {
        tenths = reached;
        print();
      }
    },
    stop() {
      clearInterval(timer);
    },
  };
}
