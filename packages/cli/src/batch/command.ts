/**
 * `realtimekit peer-report --ids-file <file|->` and `realtimekit participant --ids-file <file|->`: one call
 * per line, NDJSON out in input order, progress and a summary on stderr. Independent of how the command
 * line was parsed: the caller hands over the client and the batch's flags.
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import type { ParticipantFilter, RealtimeKitClient } from "@realtimekit-api/client";
import { type BatchCommand, idFields, parseIds } from "./ids.js";
import { createProgress, type ProgressTarget } from "./progress.js";
import { answeredIds, resultLine } from "./results.js";
import { runBatch } from "./runner.js";

/** The batch's flags, checked. */
export interface BatchFlags {
  /** A path, or `-` for standard input. */
  idsFile: string;
  concurrency: number;
  output?: string | undefined;
  resume: boolean;
  filters?: ParticipantFilter[] | undefined;
  includePeerEvents?: boolean | undefined;
  /** Aborts the calls in flight and those not yet made (Ctrl-C). */
  signal?: AbortSignal | undefined;
}

/** Where the batch reads and writes. */
export interface BatchIo {
  /** Standard input, read whole, for `--ids-file -`. */
  stdin(): Promise<string>;
  /** NDJSON, when there is no `--output`. */
  stdout(text: string): void;
  /** stderr, for the bad lines, the progress and the summary. */
  stderr: ProgressTarget;
  /** Told of each line's call that failed, with its error: the caller picks the exit code from them. */
  failed?(error: unknown): void;
}

/** Concurrency when `--concurrency` is not given: enough to keep a quota busy, few enough to be polite. */
export const defaultConcurrency = 4;
/** The most `--concurrency` allows. */
export const maxConcurrency = 64;

/** A problem with the batch's input or flags, reported as a usage error before anything is sent. */
export class BatchInputError extends Error {}

/** Runs the batch; resolves with the counts. Throws `BatchInputError` when the ids file cannot be read. */
export async function runBatchCommand(
  command: BatchCommand,
  rtk: RealtimeKitClient,
  flags: BatchFlags,
  io: BatchIo,
) {
  let text: string;
  try {
    text = flags.idsFile === "-" ? await io.stdin() : readFileSync(flags.idsFile, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BatchInputError(`cannot read --ids-file ${JSON.stringify(flags.idsFile)}: ${reason}`);
  }
  const entries = parseIds(text, command);
  const answered = flags.resume && flags.output ? answeredIds(flags.output) : new Set<string>();
  let fd: number | undefined;
  if (flags.output) {
    try {
      fd = openSync(flags.output, flags.resume ? "a" : "w");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new BatchInputError(`cannot write --output ${JSON.stringify(flags.output)}: ${reason}`);
    }
  }
  const label = `realtimekit ${command}`;
  const pending = entries.filter((entry) => !("id" in entry) || !answered.has(entry.id)).length;
  const progress = createProgress(io.stderr, label, pending, () => rtk.rateLimit);
  const query = {
    ...(flags.filters && { filters: flags.filters }),
    ...(flags.includePeerEvents && { include_peer_events: true }),
  };
  try {
    const stats = await runBatch({
      entries,
      answered,
      concurrency: flags.concurrency,
      call: async ({ ids }) => {
        const request = { signal: flags.signal };
        try {
          return await (command === "peer-report"
            ? rtk.sessions.getParticipantDataFromPeerId(ids[0] as string, query, request)
            : rtk.sessions.getSessionParticipantDetails(
                ids[1] as string,
                { session_id: ids[0] as string, ...query },
                request,
              ));
        } catch (error) {
          io.failed?.(error);
          throw error;
        }
      },
      write: (result) => {
        const line = resultLine(result);
        // Written at once, line by line, so that --resume finds everything answered before an interruption.
        if (fd === undefined) io.stdout(line);
        else writeSync(fd, line);
      },
      onBadLine: (bad) =>
        io.stderr.line(
          `${label}: line ${bad.line}: ${JSON.stringify(bad.text)}: ${bad.problem} (${idFields[command].join(",")} per line); skipped`,
        ),
      onProgress: (stats) => progress.update(stats),
    });
    progress.stop();
    const parts = [
      `${stats.total} ${stats.total === 1 ? "line" : "lines"}`,
      `${stats.ok} ok`,
      `${stats.failed} failed`,
    ];
    if (stats.bad) parts[2] += ` (${stats.bad} bad ${stats.bad === 1 ? "line" : "lines"})`;
    if (stats.skipped) parts.push(`${stats.skipped} answered before, skipped`);
    io.stderr.line(
      `${label}: ${parts.join(", ")}; ${(stats.elapsedMs / 1000).toFixed(1)} s${flags.output ? `; results in ${flags.output}` : ""}`,
    );
    return stats;
  } finally {
    progress.stop();
    if (fd !== undefined) closeSync(fd);
  }
}
