import { APIError, createRealtimeKitClient } from "@realtimekit-api/client";
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { BatchInputError, defaultConcurrency, maxConcurrency, runBatchCommand } from "./batch/command.js";
import type { BatchCommand } from "./batch/ids.js";
import { clientLogger } from "./client-log.js";
import { quoted } from "./encode.js";
import { CliError } from "./errors.js";
import { type ExitKind, exitCodes } from "./exit-codes.js";
import {
  cliFailure,
  connectionProblem,
  describeFailure,
  exitCodeOf,
  type Failure,
  type FailureContext,
  failureJson,
} from "./failure.js";
import { parseFilters } from "./filters.js";
import { Output, type Stream, styled } from "./output.js";
import { buildProgram, type Invocation } from "./program.js";
import { answerCatcher, keep, prepareFolder, saveRecording, strictReport } from "./record.js";
import {
  connectionSettings,
  countFlag,
  pastedProblem,
  resolveSettings,
  type Sourced,
  tokenProblem,
} from "./settings.js";

/** Where the command reads its environment and writes its output; the bin passes the process's. */
export interface Io {
  env: Record<string, string | undefined>;
  stdout: Stream;
  stderr: Stream;
  /** Aborts the call: the bin's Ctrl-C. */
  signal?: AbortSignal;
  /** Standard input, read whole: `--ids-file -`. */
  stdin?(): Promise<string>;
}

/** Milliseconds an attempt may take by default: a person at a terminal should not wait a minute. */
export const defaultTimeout = 30_000;
/** Retries after a failed attempt, by default. */
export const defaultMaxRetries = 2;

/** Runs one `realtimekit` command line and returns its exit code; never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const out = new Output(io.stdout, io.env);
  const err = new Output(io.stderr, io.env);
  // Known before parsing, so that a command line commander refuses is reported as JSON too.
  const json = argv.slice(0, argv.includes("--") ? argv.indexOf("--") : undefined).includes("--json");
  let invocation: Invocation | undefined;
  const program = buildProgram(
    packageJson.version,
    { out: (text) => out.text(text), err: (text) => err.text(text) },
    (parsed) => {
      invocation = parsed;
    },
  );
  const fail = (failure: Failure, command?: string): number => {
    if (json) out.json(failureJson(failure));
    else {
      err.lines([
        [
          styled("error", `realtimekit${command ? ` ${command}` : ""}:`),
          " ",
          failure.message,
          failure.requestId ? ` (request id ${failure.requestId})` : "",
        ],
        ...failure.hints.map((hint) => [styled("hint", "hint:"), " ", hint]),
      ]);
    }
    return exitCodeOf(failure);
  };

  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return exitCodes.usage;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return exitCodes.ok;
    // `help <unknown>`: commander has printed the command list to stderr, which says it all.
    if (error instanceof CommanderError && error.code === "commander.help") return exitCodes.usage;
    const command = program.commands.find((c) => c.name() === argv[0])?.name();
    return fail(usageFailure(error, command), command);
  }
  if (!invocation) return exitCodes.ok;
  const { command, args, options } = invocation;
  const idsFile = options.idsFile as string | undefined;
  try {
    checkBatchLine(invocation);
  } catch (error) {
    return fail(cliFailure(error as CliError), command.name);
  }
  const sources: Record<string, Sourced | undefined> = Object.fromEntries(
    Object.entries(args).map(([name, value]) => [name, { value, from: `<${name}>` }]),
  );
  const context: FailureContext = {
    sources,
    baseURL: "https://api.cloudflare.com/client/v4",
    timeout: defaultTimeout,
    attempts: 0,
    mock: options.mock === true,
  };
  let mock: MockServer | undefined;
  let lastFailure: unknown;
  try {
    const settings = resolveSettings(
      {
        accountId: options.accountId as string | undefined,
        appId: options.appId as string | undefined,
        apiToken: options.apiToken as string | undefined,
        apiEmail: options.apiEmail as string | undefined,
        apiKey: options.apiKey as string | undefined,
        baseURL: options.baseUrl as string | undefined,
      },
      io.env,
      context.mock,
    );
    Object.assign(sources, {
      apiToken: settings.apiToken,
      account_id: settings.accountId,
      app_id: settings.appId,
      baseURL: settings.baseURL,
    });
    const problem = tokenProblem(settings.apiToken.value);
    if (problem) throw new CliError("invalidInput", `invalid ${settings.apiToken.from}: ${problem}`);
    for (const name of ["accountId", "appId"] as const) {
      const { value, from } = settings[name];
      const idProblem = pastedProblem(value, connectionSettings[name].label);
      if (idProblem) throw new CliError("invalidInput", `invalid ${from} ${quoted(value)}: ${idProblem}`);
    }
    const filters = parseFilters(options.filters as string[] | undefined);
    if (filters) sources.filters = { value: filters.join(","), from: "--filters" };
    context.timeout =
      countFlag("--timeout", options.timeout as string | undefined, "milliseconds", 1, 2 ** 31 - 1) ??
      defaultTimeout;
    const maxRetries =
      countFlag("--max-retries", options.maxRetries as string | undefined, "retries", 0, 10) ??
      defaultMaxRetries;
    const concurrency =
      countFlag("--concurrency", options.concurrency as string | undefined, "calls", 1, maxConcurrency) ??
      defaultConcurrency;
    if (context.mock) mock = await startMockServer();
    context.baseURL = mock?.baseURL ?? settings.baseURL?.value ?? context.baseURL;
    const rtk = createRealtimeKitClient({
      ...settings.credentials.options,
      accountId: settings.accountId.value,
      appId: settings.appId.value,
      baseURL: context.baseURL,
      timeout: context.timeout,
      maxRetries,
      // Every attempt is counted, for the messages of a call that failed after several.
      fetch: async (url, init) => {
        context.attempts++;
        try {
          return await fetch(url, init);
        } catch (error) {
          lastFailure = error;
          throw error;
        }
      },
      // At info the client notes each retry, which becomes one line on stderr; at debug, every attempt.
      logLevel: options.verbose === true ? "debug" : "info",
      logger: clientLogger((line) => err.lines([line]), {
        prefix: `realtimekit ${command.name}:`,
        verbose: options.verbose === true,
        maxRetries,
        timeout: context.timeout,
        connection: () => (lastFailure === undefined ? undefined : connectionProblem(lastFailure)),
      }),
    });
    const record = options.record as string | undefined;
    if (record !== undefined) {
      try {
        prepareFolder(record);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new CliError("invalidInput", `--record: cannot write to ${record}: ${code}`);
      }
    }
    if (idsFile !== undefined) {
      const kinds = new Set<ExitKind>();
      let stats: Awaited<ReturnType<typeof runBatchCommand>>;
      try {
        stats = await runBatchCommand(
          command.name as BatchCommand,
          rtk,
          {
            idsFile,
            concurrency,
            output: options.output as string | undefined,
            resume: options.resume === true,
            filters,
            includePeerEvents: options.includePeerEvents === true,
            signal: io.signal,
          },
          {
            stdin: io.stdin ?? (async () => ""),
            // NDJSON, each line already encoded by `jsonText`.
            stdout: (text) => io.stdout.write(text),
            stderr: {
              // The bar of a terminal writes its own cursor movements; its text is our own label and numbers.
              stream: io.stderr as unknown as NodeJS.WritableStream,
              isTTY: io.stderr.isTTY === true,
              line: (text) => err.lines([text]),
            },
            failed: (error) => kinds.add(describeFailure(error, context).kind),
          },
        );
      } catch (error) {
        if (error instanceof BatchInputError) throw new CliError("usage", error.message);
        throw error;
      }
      if (stats.bad) kinds.add("invalidInput");
      return batchExitCode(kinds);
    }
    const catcher = record !== undefined || options.strict === true ? answerCatcher() : undefined;
    if (catcher) rtk.use(catcher.middleware);
    let drifted = false;
    // Each answer, a success or an API error, is recorded and checked before it is printed or reported.
    const check = (body: unknown, status: number, headers: Record<string, string>) => {
      const { operationId } = command;
      if (record !== undefined) {
        const recording = { operationId, status, recordedAt: new Date().toISOString(), headers, body };
        try {
          saveRecording(record, recording, settings.credentials.secrets);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          throw new CliError("failure", `--record: cannot write to ${record}: ${code}`);
        }
      }
      const drift = options.strict === true ? strictReport(operationId, body, status) : "";
      if (drift) err.text(drift);
      drifted ||= drift !== "";
    };
    let body: unknown;
    try {
      body = await command.call(rtk, { args, filters, options }, { signal: io.signal });
    } catch (error) {
      if (catcher && error instanceof APIError) check(error.body, error.status, keep(error.headers));
      throw error;
    }
    const answer = catcher?.answer();
    if (answer) check(body, answer.status, answer.headers);
    if (json) out.json(body);
    else out.lines(command.format(body));
    return drifted ? exitCodes.drift : exitCodes.ok;
  } catch (error) {
    return fail(describeFailure(error, context), command.name);
  } finally {
    await mock?.close();
  }
}

/**
 * The exit code of a batch from the kinds of its failed lines: 0 when none failed, the kind's code when
 * they all failed alike (every id unknown: 5), else 1, as for any other failure.
 */
function batchExitCode(kinds: Set<ExitKind>): number {
  if (kinds.size === 0) return exitCodes.ok;
  const [kind] = kinds;
  if (kinds.has("aborted")) return exitCodes.aborted;
  return kinds.size === 1 && kind ? exitCodes[kind] : exitCodes.failure;
}

/**
 * Ids come as positionals or from `--ids-file`, never both nor neither; the batch's other options go with
 * `--ids-file`, `--resume` with `--output`. Throws a `CliError` of kind `usage` naming what was wrong.
 */
function checkBatchLine({ command, args, options }: Invocation): void {
  const batch = command.options.some((o) => o.flags.startsWith("--ids-file"));
  const given = command.arguments.filter((a) => args[a.name]);
  const hint = `run \`realtimekit ${command.name} --help\` for usage`;
  if (!batch) return;
  if (options.idsFile === undefined) {
    if (given.length < command.arguments.length) {
      const missing = command.arguments.slice(given.length).map((a) => a.name);
      // Commander's words for a missing argument, as a command without --ids-file says it.
      throw new CliError(
        "usage",
        `missing required argument '${missing[0]}' (or give the ids in --ids-file <file>)`,
        [hint],
      );
    }
    for (const [flag, key] of [
      ["--concurrency", "concurrency"],
      ["--output", "output"],
      ["--resume", "resume"],
    ] as const) {
      if (options[key] !== undefined) throw new CliError("usage", `${flag} goes with --ids-file`, [hint]);
    }
    return;
  }
  if (given.length > 0) {
    throw new CliError(
      "usage",
      `give ids as arguments or in --ids-file, not both (got ${quoted(args[given[0]?.name ?? ""] ?? "")} as well)`,
      [hint],
    );
  }
  if (options.resume === true && options.output === undefined) {
    throw new CliError("usage", "--resume needs --output: the file whose answered ids to skip", [hint]);
  }
  for (const [flag, key] of [
    ["--record", "record"],
    ["--strict", "strict"],
  ] as const) {
    // Each is about one answer; a batch's answers are in its NDJSON.
    if (options[key] !== undefined)
      throw new CliError("usage", `${flag} does not go with --ids-file`, [hint]);
  }
}

/** A command line commander refused, as a usage failure with commander's suggestion as a hint. */
function usageFailure(error: unknown, command: string | undefined): Failure {
  const text = error instanceof Error ? error.message : String(error);
  // Commander words it `error: <what>` and adds `(Did you mean <nearest>?)` on a line of its own.
  const [, what = text, nearest] = /^(?:error: )?([\s\S]*?)(?:\n\(Did you mean (.+)\?\))?$/.exec(text) ?? [];
  return cliFailure(
    new CliError("usage", what, [
      ...(nearest ? [`did you mean ${nearest}?`] : []),
      `run \`realtimekit${command ? ` ${command}` : ""} --help\` for usage`,
    ]),
  );
}
