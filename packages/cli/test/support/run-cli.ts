import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** An obviously fake token; tests assert it never reaches stdout or stderr. */
export const fakeToken = "test-token-never-print-0123456789";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every output the suite saw, so one test can assert the token never appeared in any of them. */
export const outputs: CliResult[] = [];

/** Runs the built `realtimekit` bin as a child process with only the given environment. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        const result = { code, stdout, stderr };
        outputs.push(result);
        resolve(result);
      },
    );
  });
}

export const ids = {
  session: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
  participant: "5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f",
  peer: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
};
