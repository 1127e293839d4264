import { parseArgs } from "node:util";
import {
  APIConnectionError,
  APIError,
  createRealtimeKitClient,
  InvalidParameterError,
  type ParticipantFilter,
} from "@realtimekit-api/client";
import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { BatchInputError, defaultConcurrency, maxConcurrency, runBatchCommand } from "./batch/command.js";
import { type CommandSpec, commands, commandUsage, parseArgsOptions, usage } from "./commands.js";
import { formatParticipant, formatPeerReport } from "./format.js";
import { answerCatcher, keep, prepareFolder, saveRecording, strictReport } from "./record.js";

/** Where the command reads its environment and writes its output; the bin passes the process's. */
export interface Io {
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, read whole: `--ids-file -`. */
  stdin?(): Promise<string>;
  /** stderr as a stream, and whether it is a terminal: the batch's progress bar. */
  stderrStream?: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Exit codes: 0 success, 1 the API or the network failed, 2 the command line was wrong, 3 with `--strict`,
 * the response differs from the spec.
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2, drift: 3 } as const;

// The client names parameters as the API does; a person typed flags and positionals.
const flagOf: Record<string, string> = {
  account_id: "--account-id",
  app_id: "--app-id",
  filters: "--filters",
  include_peer_events: "--include-peer-events",
  baseURL: "--base-url",
  apiToken: "--api-token",
  session_id: "<session_id>",
  participant_id: "<participant_id>",
  peer_id: "<peer_id>",
};

/** Values the embedded mock accepts, so `--mock` works with no other flag. */
const mockDefaults = { apiToken: "mock-token", accountId: "mock-account", appId: "mock-app" };

class UsageError extends Error {}

/** Runs one `realtimekit` command line and returns its exit code; never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands[name as keyof typeof commands];
  if (!command) {
    io.stderr(`realtimekit: unknown command "${name}"\n\n${usage()}`);
    return exitCodes.usage;
  }
  let mock: MockServer | undefined;
  try {
    const { values, positionals } = parse(command, rest);
    if (values.help) {
      io.stdout(commandUsage(command));
      return exitCodes.ok;
    }
    const flag = (key: string) => values[key] as string | undefined;
    if (values.mock) mock = await startMockServer();
    // Against the mock only flags count: a real token or account from the environment stays out of it.
    const fromEnv = (key: string) => {
      const variable = command.options[key]?.env;
      return flag(key) ?? (variable && !mock ? io.env[variable] || undefined : undefined);
    };
    const apiToken = fromEnv("api-token") ?? (mock ? mockDefaults.apiToken : undefined);
    if (!apiToken) throw new UsageError("no API token: pass --api-token or set CLOUDFLARE_API_TOKEN");
    const rtk = createRealtimeKitClient({
      apiToken,
      accountId: fromEnv("account-id") ?? (mock ? mockDefaults.accountId : undefined),
      appId: fromEnv("app-id") ?? (mock ? mockDefaults.appId : undefined),
      baseURL: mock?.baseURL ?? fromEnv("base-url"),
    });
    const filters = parseFilters(flag("filters"));
    const record = flag("record");
    if (record === "") throw new UsageError("--record needs a folder");
    if (record !== undefined) {
      try {
        prepareFolder(record);
      } catch (error) {
        throw new UsageError(
          `--record: cannot write to ${record}: ${(error as NodeJS.ErrnoException).code ?? error}`,
        );
      }
    }
    const catcher = record !== undefined || values.strict ? answerCatcher() : undefined;
    if (catcher) rtk.use(catcher.middleware);
    let drifted = false;
    // Each answer, a success or an API error, is recorded and checked before it is printed or reported.
    const check = (operationId: string, body: unknown, status: number, headers: Record<string, string>) => {
      if (record !== undefined) {
        const recording = { operationId, status, recordedAt: new Date().toISOString(), headers, body };
        try {
          saveRecording(record, recording, apiToken);
        } catch (error) {
          throw new UsageError(
            `--record: cannot write to ${record}: ${(error as NodeJS.ErrnoException).code ?? error}`,
          );
        }
      }
      const drift = values.strict ? strictReport(operationId, body, status) : "";
      if (drift) io.stderr(drift);
      drifted ||= drift !== "";
    };
    const answered = async <T>(operationId: string, call: Promise<T>): Promise<T> => {
      try {
        const body = await call;
        const answer = catcher?.answer();
        if (answer) check(operationId, body, answer.status, answer.headers);
        return body;
      } catch (error) {
        if (catcher && error instanceof APIError)
          check(operationId, error.body, error.status, keep(error.headers));
        throw error;
      }
    };
    if (values["ids-file"] !== undefined) {
      const stats = await runBatchCommand(
        command.name as "participant" | "peer-report",
        rtk,
        {
          idsFile: flag("ids-file") as string,
          concurrency: concurrencyFlag(flag("concurrency")),
          output: flag("output"),
          resume: values.resume === true,
          filters,
          includePeerEvents: values["include-peer-events"] === true,
        },
        {
          stdin: io.stdin ?? (async () => ""),
          stdout: io.stdout,
          stderr: {
            stream: io.stderrStream ?? process.stderr,
            isTTY: io.stderrStream?.isTTY === true,
            line: (text) => io.stderr(`${text}\n`),
          },
        },
      );
      return stats.failed ? exitCodes.failed : exitCodes.ok;
    }
    let text: string;
    if (command.name === "participant") {
      const [session_id, participant_id] = positionals as [string, string];
      const body = await answered(
        "getSessionParticipantDetails",
        rtk.sessions.getSessionParticipantDetails(participant_id, {
          session_id,
          ...(filters && { filters }),
          ...(values["include-peer-events"] === true && { include_peer_events: true }),
        }),
      );
      text = values.json ? json(body) : formatParticipant(body);
    } else {
      const [peer_id] = positionals as [string];
      const body = await answered(
        "getParticipantDataFromPeerId",
        rtk.sessions.getParticipantDataFromPeerId(peer_id, { ...(filters && { filters }) }),
      );
      text = values.json ? json(body) : formatPeerReport(body);
    }
    io.stdout(text);
    return drifted ? exitCodes.drift : exitCodes.ok;
  } catch (error) {
    return report(error, command, io);
  } finally {
    await mock?.close();
  }
}

function parse(command: CommandSpec, args: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: parseArgsOptions(command), allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains unknown flags and missing values well; keep its words, drop its error code.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const batch = values["ids-file"] !== undefined;
  if (batch && positionals.length > 0) {
    throw new UsageError(
      `give ids as arguments or in --ids-file, not both (got "${positionals[0]}" as well)`,
    );
  }
  for (const name of ["concurrency", "output", "resume"]) {
    if (values[name] !== undefined && !batch) throw new UsageError(`--${name} goes with --ids-file`);
  }
  if (values.resume && values.output === undefined) {
    throw new UsageError("--resume needs --output: the file whose answered ids to skip");
  }
  if (!values.help && !batch) {
    const missing = command.positionals.slice(positionals.length);
    if (missing.length > 0) throw new UsageError(`missing ${missing.map((p) => `<${p}>`).join(" ")}`);
    const extra = positionals.slice(command.positionals.length);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  }
  return { values, positionals };
}

// A batch's calls in flight: a whole number, checked before anything is read or sent.
function concurrencyFlag(text: string | undefined): number {
  if (text === undefined) return defaultConcurrency;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > maxConcurrency) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${maxConcurrency} (got "${text}")`);
  }
  return n;
}

// The client checks each value against the spec's enum; here the flag's text only becomes a list.
const parseFilters = (text: string | undefined) =>
  text === undefined || text === "" ? undefined : (text.split(",") as ParticipantFilter[]);

const json = (body: unknown) => `${JSON.stringify(body, null, 2)}\n`;

function report(error: unknown, command: CommandSpec, io: Io): number {
  const prefix = `realtimekit ${command.name}:`;
  if (error instanceof UsageError || error instanceof BatchInputError) {
    io.stderr(`${prefix} ${error.message}\nRun \`realtimekit ${command.name} --help\` for usage.\n`);
    return exitCodes.usage;
  }
  if (error instanceof InvalidParameterError) {
    const flag = flagOf[error.param] ?? error.param;
    const message = error.message.startsWith(error.param)
      ? flag + error.message.slice(error.param.length)
      : error.message;
    io.stderr(`${prefix} invalid ${flag}: ${message}\n`);
    return exitCodes.usage;
  }
  if (error instanceof APIError) {
    io.stderr(`${prefix} ${error.message}${error.requestId ? ` (request id ${error.requestId})` : ""}\n`);
    return exitCodes.failed;
  }
  if (error instanceof APIConnectionError) {
    io.stderr(`${prefix} ${error.message} Check --base-url and the network.\n`);
    return exitCodes.failed;
  }
  io.stderr(`${prefix} ${error instanceof Error ? error.message : String(error)}\n`);
  return exitCodes.failed;
}
