/**
 * One contender's batch, in a process of its own: the loop a user writes to pull many reports with a
 * bounded number in flight (workers taking the next id in turn), timed from the first call to the last.
 */
import { serveChild } from "../child.js";
import { batchContenders, type Tally } from "./contenders.js";

export interface PullInput {
  contender: string;
  baseURL: string;
  peerIds: string[];
  concurrency: number;
}

export interface PullResult {
  /** Milliseconds from the first call to the last settled. */
  wallMs: number;
  /** Calls that ended in an error, with the first few messages. */
  failures: number;
  firstFailures: string[];
  /** Attempts the server answered, retries included, and how many of them were 429s. */
  attempts: number;
  tooMany: number;
}

serveChild<PullInput, PullResult>(import.meta.url, async ({ contender, baseURL, peerIds, concurrency }) => {
  const tally: Tally = { attempts: 0, tooMany: 0 };
  const found = batchContenders.find((c) => c.id === contender);
  if (!found) throw new Error(`no contender ${contender}`);
  const pullOne = found.create(baseURL, "bench-token-not-a-secret", tally);
  const failed: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < peerIds.length) {
      const peerId = peerIds[next++] as string;
      try {
        await pullOne(peerId);
      } catch (error) {
        failed.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    wallMs: performance.now() - started,
    failures: failed.length,
    firstFailures: [...new Set(failed)].slice(0, 3),
    ...tally,
  };
});
