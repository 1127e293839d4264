/**
 * Runs a batch: `concurrency` workers take the next line in turn, and results are written in input order as
 * soon as every line before them is done, so an interrupted batch leaves a prefix of its output behind.
 */
import { type BadLine, type BatchItem, isBad } from "./ids.js";
import { errorJson, type Result } from "./results.js";

/** Counts so far, for the progress display and the summary. */
export interface BatchStats {
  /** Lines to call the API for, bad lines included, already-answered ones not. */
  total: number;
  done: number;
  ok: number;
  failed: number;
  bad: number;
  /** Ids `--resume` found answered. */
  skipped: number;
  /** Milliseconds since the batch started. */
  elapsedMs: number;
}

export interface BatchOptions {
  entries: (BatchItem | BadLine)[];
  /** Ids answered before: not called again, and not written again. */
  answered: Set<string>;
  concurrency: number;
  /** Calls the API for one line; its rejection is that line's error. */
  call(item: BatchItem): Promise<unknown>;
  /** Writes one result, in input order. */
  write(result: Result): void;
  /** Told of each bad line as it is reached. */
  onBadLine?(bad: BadLine): void;
  /** Told after each line is done. */
  onProgress?(stats: BatchStats): void;
}

/** Runs every entry not answered before; resolves with the final counts. Never rejects for one line. */
export async function runBatch(options: BatchOptions): Promise<BatchStats> {
  const started = performance.now();
  const entries = options.entries.filter((entry) => isBad(entry) || !options.answered.has(entry.id));
  const stats: BatchStats = {
    total: entries.length,
    done: 0,
    ok: 0,
    failed: 0,
    bad: 0,
    skipped: options.entries.length - entries.length,
    elapsedMs: 0,
  };
  const results: (Result | undefined)[] = [];
  let written = 0;
  const settle = (index: number, result: Result) => {
    results[index] = result;
    stats.done++;
    if (result.ok) stats.ok++;
    else stats.failed++;
    stats.elapsedMs = performance.now() - started;
    for (let next = results[written]; next; next = results[written]) {
      options.write(next);
      results[written++] = undefined;
    }
    options.onProgress?.(stats);
  };
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index] as BatchItem | BadLine;
      if (isBad(entry)) {
        stats.bad++;
        options.onBadLine?.(entry);
        const message = `line ${entry.line}: ${entry.problem}; skipped`;
        settle(index, {
          id: entry.text,
          ok: false,
          error: { name: "InvalidInput", message, line: entry.line },
        });
        continue;
      }
      try {
        settle(index, { id: entry.id, ok: true, body: await options.call(entry) });
      } catch (error) {
        settle(index, { id: entry.id, ok: false, error: errorJson(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  stats.elapsedMs = performance.now() - started;
  return stats;
}
