import type { ParseArgsConfig } from "node:util";

/** Options every command takes, with the environment variable each falls back to. */
export const connectionOptions = {
  "account-id": { type: "string", env: "CLOUDFLARE_ACCOUNT_ID", help: "Account identifier tag" },
  "app-id": { type: "string", env: "REALTIMEKIT_APP_ID", help: "RealtimeKit app identifier tag" },
  "base-url": { type: "string", env: "CLOUDFLARE_BASE_URL", help: "API base URL" },
  "api-token": { type: "string", env: "CLOUDFLARE_API_TOKEN", help: "API token (prefer the env variable)" },
  json: { type: "boolean", help: "Print the response body as JSON" },
  mock: { type: "boolean", help: "Answer from an embedded mock server instead of the API" },
  help: { type: "boolean", short: "h", help: "Show this help" },
} as const;

/** Options for watching the API against the spec, which every command takes. */
export const driftOptions = {
  record: {
    type: "string",
    help: "Save each response as <operation>-<time>.json in this folder, for `pnpm check:recorded`",
  },
  strict: {
    type: "boolean",
    help: "Report on stderr where the response differs from the spec; exit 3 if so",
  },
} as const;

export interface CommandSpec {
  name: string;
  summary: string;
  positionals: string[];
  options: Record<string, { type: "string" | "boolean"; help: string; env?: string; short?: string }>;
}

/** Options of the commands that also run as a batch, over the ids of a file. */
export const batchOptions = {
  "ids-file": {
    type: "string",
    help: "Ids from a file, one line each (- for standard input), instead of the arguments; NDJSON out",
  },
  concurrency: { type: "string", help: "With --ids-file: calls in flight at once (1 to 64, default 4)" },
  output: { type: "string", help: "With --ids-file: write the NDJSON to this file instead of stdout" },
  resume: { type: "boolean", help: "With --output: skip the ids that file already answered, and append" },
} as const;

export const commands: Record<"participant" | "peer-report", CommandSpec> = {
  participant: {
    name: "participant",
    summary: "Show a participant of a session, with call statistics",
    positionals: ["session_id", "participant_id"],
    options: {
      filters: { type: "string", help: "Comma separated filters, no spaces (e.g. device_info,events)" },
      "include-peer-events": { type: "boolean", help: "Include the participant's peer events" },
      ...batchOptions,
      ...driftOptions,
      ...connectionOptions,
    },
  },
  "peer-report": {
    name: "peer-report",
    summary: "Show a peer with its call statistics report",
    positionals: ["peer_id"],
    options: {
      filters: { type: "string", help: "Comma separated filters, no spaces (e.g. quality_stats)" },
      ...batchOptions,
      ...driftOptions,
      ...connectionOptions,
    },
  },
};

/** The `node:util` parseArgs options of a command. */
export function parseArgsOptions(command: CommandSpec): NonNullable<ParseArgsConfig["options"]> {
  return Object.fromEntries(
    Object.entries(command.options).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
}

/** Top-level help. */
export function usage(): string {
  const lines = [
    "Usage: realtimekit <command> [options]",
    "",
    "Commands:",
    ...Object.values(commands).map((c) => `  ${c.name.padEnd(14)}${c.summary}`),
    "",
    "Run `realtimekit <command> --help` for a command's options.",
    "",
  ];
  return lines.join("\n");
}

/** A command's help. */
export function commandUsage(command: CommandSpec): string {
  const width = 24;
  const options = Object.entries(command.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.type === "string" ? " <value>" : ""}`;
    return `  ${flag.padEnd(width)}${o.help}${o.env ? ` (env ${o.env})` : ""}`;
  });
  return [
    `Usage: realtimekit ${command.name} ${command.positionals.map((p) => `<${p}>`).join(" ")} [options]`,
    "",
    command.summary,
    "",
    "Options:",
    ...options,
    "",
  ].join("\n");
}
