import { Command, Option } from "commander";
import { type CommandSpec, commands, type OptionSpec, outputOptions, transportOptions } from "./commands.js";
import { type ExitKind, exitCodeHelp, exitCodes } from "./exit-codes.js";
import { participantFilters } from "./filters.js";
import { connectionSettings } from "./settings.js";

/** A parsed command line: the command, its positionals by name, and its options by camel-case name. */
export interface Invocation {
  command: CommandSpec;
  args: Record<string, string>;
  options: Record<string, unknown>;
}

/** Where commander writes help and the version. */
export interface ProgramOutput {
  out(text: string): void;
  err(text: string): void;
}

const columns = (rows: [string, string][]) => {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join("\n");
};

/** The exit codes table of --help. */
const exitCodeRows = () =>
  columns(Object.entries(exitCodes).map(([kind, code]) => [String(code), exitCodeHelp[kind as ExitKind]]));

/** The environment variables the command reads, for --help and the README. */
export const environmentHelp: [string, string][] = [
  ...Object.values(connectionSettings).map((s): [string, string] => [s.env, `for ${s.flag}`]),
  ["NO_COLOR", "any value: no colour"],
  ["FORCE_COLOR", "colour even when piped; 0 turns it off"],
];

/** The help sections after the options: filters, environment, exit codes and an example. */
function helpAfter(spec: CommandSpec): string {
  const filters = spec.options.some((o) => o.flags.startsWith("--filters"));
  return [
    ...(filters ? ["", "Filters:", `  ${participantFilters.join(", ")}`] : []),
    "",
    "Environment (read unless --mock):",
    columns(environmentHelp),
    "",
    "Exit codes:",
    exitCodeRows(),
    "",
    "Example:",
    `  ${spec.example}`,
  ].join("\n");
}

const addOption = (command: Command, spec: OptionSpec) => {
  const option = new Option(spec.flags, spec.help);
  // Repeated, the values are kept in order; `parseFilters` splits and merges them.
  if (spec.repeatable) option.argParser((value: string, previous?: string[]) => [...(previous ?? []), value]);
  command.addOption(option);
};

/**
 * The `realtimekit` program: a subcommand per `CommandSpec`, each with its own options, the output
 * options and the connection options. Commander parses and suggests the nearest known option or
 * command; `onInvoke` receives the parsed command line. Help and the version go to `output`; errors
 * are thrown (`exitOverride`) for the caller to report.
 */
export function buildProgram(
  version: string,
  output: ProgramOutput,
  onInvoke: (invocation: Invocation) => void,
): Command {
  const program = new Command("realtimekit")
    .description("Look at a Cloudflare RealtimeKit participant or peer report from a terminal.")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .helpCommand("help [command]", "show a command's help")
    .exitOverride()
    .configureOutput({
      writeOut: output.out,
      writeErr: output.err,
      // Errors are thrown and reported by the caller, in its own words and encoding.
      outputError: () => {},
    })
    .addHelpText("after", `\n${helpAfterProgram()}`);
  for (const spec of commands) {
    const command = program
      .command(spec.name)
      .summary(spec.summary)
      .description(`${spec.summary}.`)
      .helpOption("-h, --help", "show this help")
      .exitOverride()
      .configureOutput({ writeOut: output.out, writeErr: output.err, outputError: () => {} })
      .allowExcessArguments(false);
    // A command that takes `--ids-file` takes its ids from there instead: `run` demands one or the other.
    const batch = spec.options.some((o) => o.flags.startsWith("--ids-file"));
    for (const argument of spec.arguments) {
      command.argument(batch ? `[${argument.name}]` : `<${argument.name}>`, argument.help);
    }
    for (const option of [...spec.options, ...outputOptions]) addOption(command, option);
    command.optionsGroup("Connection options:");
    for (const setting of Object.values(connectionSettings)) {
      addOption(command, {
        flags: `${setting.flag} ${setting.value}`,
        help: `${setting.help} (env: ${setting.env}${"secret" in setting ? ", safer than the flag" : ""})`,
      });
    }
    for (const option of transportOptions) addOption(command, option);
    command.addHelpText("after", helpAfter(spec));
    command.action((...params: unknown[]) => {
      const positionals = params.slice(0, spec.arguments.length) as string[];
      onInvoke({
        command: spec,
        args: Object.fromEntries(spec.arguments.map((a, i) => [a.name, positionals[i] ?? ""])),
        options: command.opts(),
      });
    });
  }
  return program;
}

function helpAfterProgram(): string {
  return [
    "Exit codes:",
    exitCodeRows(),
    "",
    "Run `realtimekit <command> --help` for a command's options, filters and environment.",
  ].join("\n");
}
