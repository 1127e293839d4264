import type { ExitKind } from "./exit-codes.js";

const names: Partial<Record<ExitKind, string>> = {
  usage: "UsageError",
  invalidInput: "InvalidInputError",
  aborted: "AbortError",
};

/** A failure the command found itself, before or without the API: its kind sets the exit code. */
export class CliError extends Error {
  constructor(
    /** The kind of failure, which picks the exit code. */
    readonly kind: ExitKind,
    message: string,
    /** What to do about it, a line each; none when there is nothing to say. */
    readonly hints: readonly string[] = [],
  ) {
    super(message);
    this.name = names[kind] ?? "CliError";
  }
}
