import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built entry, as the published bin runs it. */
export const bin = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** An obviously fake token; tests assert it never reaches stdout or stderr. */
export const fakeToken = "test-token-never-print-0123456789";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every output the suite saw, so one test can assert the token never appeared in any of them. */
export const outputs: CliResult[] = [];

/**
 * Runs the built `realtimekit` bin as a child process with only the given environment (and PATH), its
 * output piped, so colour is off unless the environment forces it.
 */
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

/** Starts the built bin and hands back the child, to signal it, and its result. */
export function startCli(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; result: Promise<CliResult> } {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 20_000,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const result = new Promise<CliResult>((resolve) => {
    child.on("close", (code, signal) => {
      const done = { code: code ?? (signal ? -1 : 0), stdout, stderr };
      outputs.push(done);
      resolve(done);
    });
  });
  return { child, result };
}

export const ids = {
  session: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
  participant: "5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f",
  peer: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
};

/** Every code point in Unicode's control (Cc) and format (Cf) categories, as Node's Unicode data has them. */
export const controlAndFormat: number[] = [];
for (let code = 0; code <= 0x10ffff; code++) {
  if (/\p{Cc}|\p{Cf}/u.test(String.fromCodePoint(code))) controlAndFormat.push(code);
}

/** Raw control, format or separator characters: none may be in what the CLI writes. */
export const rawUnsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
