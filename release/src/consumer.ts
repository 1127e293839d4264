import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { cleanEnv, runOk } from "./run.js";
import { writeFiles } from "./scratch.js";

/**
 * Makes `dir` a fresh npm project and installs the tarballs into it as another team would, with npm
 * from the registry for their dependencies (`openapi-fetch`) and any `extra` packages.
 */
export async function installConsumer(
  dir: string,
  tarballs: readonly string[],
  extra: readonly string[] = [],
): Promise<void> {
  await writeFiles(dir, {
    "package.json": `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2)}\n`,
  });
  await runOk(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...tarballs, ...extra],
    { cwd: dir, timeout: 120_000 },
  );
}

/** A `realtimekit-mock` process started from an installed package. */
export interface MockProcess {
  /** `http://127.0.0.1:<port>/client/v4`, the line the bin prints. */
  baseURL: string;
  /** Sends SIGTERM; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the `realtimekit-mock` bin of a consumer project on a free loopback port. */
export function startMockBin(consumerDir: string, timeout = 20_000): Promise<MockProcess> {
  const bin = join(consumerDir, "node_modules", ".bin", "realtimekit-mock");
  // The documented examples, whose placeholder values the examples' expected output spells out.
  const args = ["--port", "0", "--host", "127.0.0.1", "--data", "documented"];
  const child: ChildProcess = spawn(bin, args, {
    cwd: consumerDir,
    env: cleanEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`realtimekit-mock printed no base URL within ${timeout} ms: ${stderr}`));
    }, timeout);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`realtimekit-mock exited with ${code} before printing its base URL: ${stderr}`));
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      clearTimeout(timer);
      resolve({
        baseURL: line.trim(),
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      });
    });
  });
}
