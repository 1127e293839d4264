import type { ParticipantFilter, RealtimeKitClient, RequestOptions } from "@realtimekit-api/client";
import { formatParticipant, formatPeerReport } from "./format.js";
import type { Line } from "./output.js";

/** An option of one command, as commander takes it, plus what it reads from the command line. */
export interface OptionSpec {
  /** Commander flags, e.g. `--filters <list>`. */
  flags: string;
  /** One line for --help. */
  help: string;
  /** Given more than once, every value is kept, in order (a list of strings). */
  repeatable?: true;
}

/** What a command needs to make its call. */
export interface CallInput {
  /** The positionals, by name. */
  args: Record<string, string>;
  /** Filters from `--filters`, checked. */
  filters: ParticipantFilter[] | undefined;
  /** Every option's value, by commander's camel-case name. */
  options: Record<string, unknown>;
}

/** A `realtimekit` command: its command line, its call and its human output. */
export interface CommandSpec {
  name: string;
  /** The spec's name for the operation it calls, for `--record` and `--strict`. */
  operationId: "getSessionParticipantDetails" | "getParticipantDataFromPeerId";
  /** One line for the command list and the top of its help. */
  summary: string;
  /** Positionals, in order, each with a line for --help; each is a UUID the client checks. */
  arguments: { name: string; help: string }[];
  /** The command's own options; every command also takes the shared ones (`sharedOptions`). */
  options: OptionSpec[];
  /** A command line shown under Examples in --help. */
  example: string;
  /** Makes the call. */
  call(rtk: RealtimeKitClient, input: CallInput, request: RequestOptions): Promise<unknown>;
  /** The body as a person reads it. */
  format(body: unknown): Line[];
}

const filtersOption: OptionSpec = {
  flags: "--filters <list>",
  help: "comma-separated, no spaces (see Filters below)",
  repeatable: true,
};

/**
 * Options of the commands that also run as a batch, over the ids of a file (`src/batch/`). With
 * `--ids-file` the positionals are left out; `run` refuses both, or neither.
 */
export const batchOptions: OptionSpec[] = [
  { flags: "--ids-file <file>", help: "ids, one line each, from a file (- for stdin)" },
  { flags: "--concurrency <n>", help: "--ids-file: calls at once, 1 to 64 (default: 4)" },
  { flags: "--output <file>", help: "--ids-file: write the NDJSON here, not to stdout" },
  { flags: "--resume", help: "--output: skip the ids it answered; append" },
];

/** Options of the output every command shares. */
export const outputOptions: OptionSpec[] = [
  { flags: "--json", help: "print JSON: the body, or the error" },
  { flags: "--record <dir>", help: "save each response as <dir>/<operation>-<time>.json" },
  { flags: "--strict", help: "report drift from the spec on stderr (exit 9)" },
];

/** Options of the connection every command shares; the settings with environment fallbacks are added too. */
export const transportOptions: OptionSpec[] = [
  { flags: "--mock", help: "answer from an embedded mock server; reads no env" },
  { flags: "--timeout <ms>", help: "milliseconds each attempt may take (default: 30000)" },
  { flags: "--max-retries <n>", help: "retries after a failure, 0 to 10 (default: 2)" },
  { flags: "--verbose", help: "log each attempt to stderr (the client's debug log)" },
];

const session = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
const participant = "5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f";
const peer = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

/** Every command, in the order the command list shows them. */
export const commands: CommandSpec[] = [
  {
    name: "participant",
    operationId: "getSessionParticipantDetails",
    summary: "Show a participant of a session, with its peer events",
    arguments: [
      { name: "session_id", help: "the session's ID (a UUID)" },
      { name: "participant_id", help: "the participant's ID (a UUID)" },
    ],
    options: [
      filtersOption,
      { flags: "--include-peer-events", help: "include the participant's peer events" },
      ...batchOptions,
    ],
    example: `realtimekit participant ${session} ${participant} --filters device_info,events --include-peer-events`,
    call: (rtk, { args, filters, options }, request) =>
      rtk.sessions.getSessionParticipantDetails(
        args.participant_id ?? "",
        {
          session_id: args.session_id ?? "",
          ...(filters && { filters }),
          ...(options.includePeerEvents === true && { include_peer_events: true }),
        },
        request,
      ),
    format: (body) => formatParticipant(body as Parameters<typeof formatParticipant>[0]),
  },
  {
    name: "peer-report",
    operationId: "getParticipantDataFromPeerId",
    summary: "Show a peer with its call statistics report",
    arguments: [{ name: "peer_id", help: "the peer's ID (a UUID)" }],
    options: [filtersOption, ...batchOptions],
    example: `realtimekit peer-report ${peer} --filters quality_stats,ip_information`,
    call: (rtk, { args, filters }, request) =>
      rtk.sessions.getParticipantDataFromPeerId(args.peer_id ?? "", { ...(filters && { filters }) }, request),
    format: (body) => formatPeerReport(body as Parameters<typeof formatPeerReport>[0]),
  },
];
