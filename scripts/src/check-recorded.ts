import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type DriftReport, driftLines, driftReport, visible } from "@realtimekit-api/client/drift";

/** Exit codes: 0 every response is what the spec describes, 1 drift found, 2 the folder or a file is unusable. */
export const exitCodes = { ok: 0, drift: 1, unusable: 2 } as const;

/** One recorded response, as `realtimekit --record <dir>` writes it. */
export interface Recorded {
  operationId: string;
  status: number;
  recordedAt?: string;
  headers?: Record<string, string>;
  body: unknown;
}

/** A recorded file and the drift found in it. */
export interface Checked {
  file: string;
  report: DriftReport;
}

/** Why a folder or a file in it cannot be checked; the message names it. */
export class UnusableRecording extends Error {}

function parseRecorded(file: string, text: string): Recorded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UnusableRecording(`${file}: not JSON (${(error as Error).message})`);
  }
  const record = value as Partial<Recorded> | null;
  if (!record || typeof record !== "object" || Array.isArray(record)) {
    throw new UnusableRecording(
      `${file}: not a recorded response (expected an object with operationId, status and body)`,
    );
  }
  if (typeof record.operationId !== "string") throw new UnusableRecording(`${file}: no "operationId" string`);
  if (!Number.isInteger(record.status)) throw new UnusableRecording(`${file}: no "status" number`);
  if (!("body" in record)) throw new UnusableRecording(`${file}: no "body"`);
  return record as Recorded;
}

/** Runs the drift report over every `.json` file in `dir`, in name order. Throws `UnusableRecording`. */
export function checkRecorded(dir: string): Checked[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UnusableRecording(`${dir} is not a folder`);
    names = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort();
  } catch (error) {
    if (error instanceof UnusableRecording) throw error;
    throw new UnusableRecording(
      `cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (names.length === 0) throw new UnusableRecording(`${dir} holds no .json files to check`);
  return names.map((file) => {
    const record = parseRecorded(file, readFileSync(join(dir, file), "utf8"));
    try {
      return { file, report: driftReport(record.operationId, record.body, record.status) };
    } catch (error) {
      throw new UnusableRecording(`${file}: ${(error as Error).message}`);
    }
  });
}

/** The table `pnpm check:recorded` prints: one row per file, then each difference with its suggestion. */
export function formatChecked(checked: Checked[]): string {
  const rows = [
    ["file", "operation", "status", "drift"],
    ...checked.map(({ file, report }) => {
      const { differences } = report;
      const majors = differences.filter((d) => d.change === "major").length;
      return [
        file,
        report.operationId,
        String(report.status),
        differences.length === 0
          ? "none"
          : `${differences.length} (${majors} major, ${differences.length - majors} minor)`,
      ];
    }),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const table = rows.map((row) =>
    visible(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    ),
  );
  const details = checked.flatMap(({ file, report }) =>
    report.differences.length === 0
      ? []
      : ["", visible(`${file}:`), ...driftLines(report).map((line) => `  ${line}`)],
  );
  return `${[...table, ...details].join("\n")}\n`;
}

/** `pnpm check:recorded <dir>`: prints the table and answers the exit code. */
export function main(
  args: string[],
  cwd: string,
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  const [dir, ...extra] = args;
  if (dir === undefined || extra.length > 0) {
    err(
      "Usage: pnpm check:recorded <dir>   (a folder of responses saved by `realtimekit ... --record <dir>`)\n",
    );
    return exitCodes.unusable;
  }
  let checked: Checked[];
  try {
    checked = checkRecorded(resolve(cwd, dir));
  } catch (error) {
    if (!(error instanceof UnusableRecording)) throw error;
    err(`check:recorded: ${visible(error.message)}\n`);
    return exitCodes.unusable;
  }
  out(formatChecked(checked));
  const drifted = checked.filter(({ report }) => report.differences.length > 0).length;
  if (drifted === 0) {
    out(`check:recorded: ${checked.length} responses, all as spec/openapi.yaml describes them\n`);
    return exitCodes.ok;
  }
  err(
    `check:recorded: ${drifted} of ${checked.length} responses differ from spec/openapi.yaml.\n` +
      'Fix: edit the spec as suggested, run `pnpm generate`, and add a changeset (CONTRIBUTING.md, "When the API drifts").\n',
  );
  return exitCodes.drift;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // pnpm runs the script in scripts/; a relative folder is meant from where the command was typed.
  process.exitCode = main(
    process.argv.slice(2),
    process.env.INIT_CWD ?? process.cwd(),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
}
