import { spawn } from "node:child_process";

/** How a command ended and what it printed. */
export interface RunResult {
  /** Exit code; null when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of `run`. */
export interface RunOptions {
  cwd: string;
  /** Added to `cleanEnv()`. */
  env?: Record<string, string | undefined>;
  /** Milliseconds before the command is killed and `run` rejects. Default 60 s. */
  timeout?: number;
}

/**
 * The environment for a child process, without what pnpm and npm put there for the script that runs us
 * (`npm_config_*` would otherwise reconfigure the consumer's npm) nor git's hook variables.
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|GIT_DIR$|GIT_WORK_TREE$|GIT_INDEX_FILE$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0", ...extra };
}

/** Runs a command (no shell) to completion; rejects only if it cannot start or outlives its timeout. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const timeout = options.timeout ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`${command} ${args.join(" ")} took longer than ${timeout / 1000} s\n${stdout}\n${stderr}`),
      );
    }, timeout);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `run`, but rejects with the command's output unless it exits 0. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${result.code} in ${options.cwd}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}
