/**
 * What only a whole process shows: that it exits by itself, promptly, once its last call has settled, and
 * that memory returns near where it started after a load run. The calls run in a child process
 * (child-calls.ts) against a loopback server here.
 *
 * The child runs the client's current source, not its build: this task depends on the dependencies'
 * builds only, so `dist/` may be stale or missing, and Node 20 cannot run TypeScript. So the source is
 * transpiled file by file with the `typescript` package already installed here (types erased, nothing
 * bundled) into a `.tmp/` folder inside this package, which git ignores and from which `openapi-fetch`
 * still resolves, and removed afterwards.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { freePort } from "../support/prism-server.js";
import type { ChildConfig, ChildReport } from "./child-calls.js";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
let workDir = "";
let childScript = "";
let server: LoopbackServer;

/** Transpiles src/ and the child script, keeping their relative paths so their imports still resolve. */
function transpileForChild(): string {
  mkdirSync(join(packageRoot, ".tmp"), { recursive: true });
  const out = mkdtempSync(join(packageRoot, ".tmp", "reliability-"));
  const sources = [
    ...readdirSync(join(packageRoot, "src"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => join(packageRoot, "src", file)),
    fileURLToPath(new URL("child-calls.ts", import.meta.url)),
  ];
  for (const source of sources) {
    const { outputText } = ts.transpileModule(readFileSync(source, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
      fileName: source,
    });
    const target = join(out, relative(packageRoot, source)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return out;
}

beforeAll(async () => {
  workDir = transpileForChild();
  childScript = join(workDir, "test", "reliability", "child-calls.js");
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  // .tmp/ itself too, unless something else keeps files there.
  if (readdirSync(join(packageRoot, ".tmp")).length === 0) rmdirSync(join(packageRoot, ".tmp"));
});

/** 32 kB per answer, so that answers kept alive by mistake would show in the heap. */
const padding = "x".repeat(32 * 1024);

function serveFaults() {
  const failed = new Set<string>();
  server.handle((req, res) => {
    const id = req.url?.split("?")[0]?.split("/").pop() ?? "";
    const fault = String(req.headers["x-fault"]);
    if (fault === "reset") return req.socket.destroy();
    if (fault === "timeout" || fault === "abort") return; // never answered
    if (fault === "unavailable" || (fault === "retried" && !failed.has(id))) {
      failed.add(id);
      return sendJson(
        res,
        503,
        { success: false, error: { code: 503, message: "busy" } },
        { "retry-after-ms": "0" },
      );
    }
    sendJson(res, 200, { success: true, data: { id, participant: { id }, padding } });
  });
}

interface ChildRun {
  report: ChildReport;
  /** Milliseconds from the report (the last call settled) to the process's exit. */
  exitAfterReport: number;
  code: number | null;
  stderr: string;
}

/** Runs the child; kills it (and fails) if it has not exited `exitWithinMs` after its report. */
function runChild(config: ChildConfig, exitWithinMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ["--expose-gc", childScript, JSON.stringify(config)],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, CLOUDFLARE_API_TOKEN: "", NODE_OPTIONS: "" },
      },
    );
    let stdout = "";
    let stderr = "";
    let reportedAt = 0;
    let killer: NodeJS.Timeout | undefined;
    // Bounded whatever happens: a child that never reports is killed too.
    const deadline = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (!reportedAt && stdout.includes("\n")) {
        reportedAt = performance.now();
        killer = setTimeout(() => child.kill("SIGKILL"), exitWithinMs);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(deadline);
      clearTimeout(killer);
      if (!reportedAt) {
        reject(new Error(`the child exited (${code ?? signal}) without a report:\n${stderr}`));
        return;
      }
      resolve({
        report: JSON.parse(stdout.split("\n")[0] ?? "{}") as ChildReport,
        exitAfterReport: performance.now() - reportedAt,
        code,
        stderr,
      });
    });
  });
}

test("after calls of every kind the process exits by itself, and its heap returns near its start", async () => {
  serveFaults();
  const config: ChildConfig = {
    baseURL: server.baseURL,
    refusedURL: `http://127.0.0.1:${await freePort()}/client/v4`,
    waves: 3,
    callsPerWave: 400,
  };
  const exitWithinMs = 5_000;
  const run = await runChild(config, exitWithinMs);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const { report } = run;

  expect(run.stderr).toBe("");
  // Killed at exitWithinMs means something kept it alive: a 60 s timer, a socket, a listener.
  expect(run.code, `exited ${Math.round(run.exitAfterReport)} ms after its last call`).toBe(0);
  expect(run.exitAfterReport).toBeLessThan(exitWithinMs);

  const perKind = (config.callsPerWave / 10) * config.waves;
  expect(report.outcomes).toEqual({
    ok: { ok: perKind * 5 },
    retried: { ok: perKind },
    unavailable: { InternalServerError: perKind },
    timeout: { APIConnectionTimeoutError: perKind },
    abort: { APIUserAbortError: perKind },
    reset: { APIConnectionError: perKind },
    refused: { APIConnectionError: config.waves },
  });

  // After the warm-up wave, 480 calls get a 32 kB answer: kept alive by mistake, they would add 15 MB.
  const growth = report.heapAfterLoad - report.heapAfterWarmUp;
  expect(
    growth,
    `heap ${mb(report.heapAfterWarmUp)} → ${mb(report.heapAfterLoad)}, rss ${mb(report.rssAfterWarmUp)} → ${mb(report.rssAfterLoad)}`,
  ).toBeLessThan(5 * 2 ** 20);
}, 90_000);
