/**
 * Prism (`@stoplight/prism-cli`) mocking spec/openapi.yaml on a free loopback port, in validating mode:
 * with `--errors`, a request that breaks the spec is answered with a 4xx and an `sl-violations` header.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { specFile } from "./openapi-document.js";

export interface PrismServer {
  /** `http://127.0.0.1:<port>`: Prism serves the spec's paths at its root. */
  origin: string;
  /** The last lines Prism printed, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

/** A port that was free a moment ago: listen on port 0, note the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

const prismCli = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist/index.js",
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killed = await Promise.race([exited(child).then(() => true), sleep(5_000).then(() => false)]);
  if (!killed) {
    child.kill("SIGKILL");
    await exited(child);
  }
}

/** Starts Prism and resolves once it answers HTTP; gives up after `readyWithinMs`. */
export async function startPrism(readyWithinMs = 30_000): Promise<PrismServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child = spawn(
    process.execPath,
    [prismCli, "mock", fileURLToPath(specFile), "-h", "127.0.0.1", "-p", String(port), "--errors"],
    {
      env: {
        ...process.env,
        DO_NOT_TRACK: "1",
        SCARF_ANALYTICS: "false",
        REDOCLY_TELEMETRY: "off",
        TURBO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 200));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const log = () => lines.slice(-40).join("\n");

  const deadline = Date.now() + readyWithinMs;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Prism exited (${child.exitCode ?? child.signalCode}) before answering:\n${log()}`);
    }
    try {
      // Any HTTP answer (Prism says 404 for `/`) means it is listening.
      const probe = await fetch(`${origin}/`, { signal: AbortSignal.timeout(1_000) });
      await probe.arrayBuffer();
      return { origin, log, close: () => stop(child) };
    } catch {
      await sleep(Math.min(100 * 2 ** attempt, 500));
    }
  }
  await stop(child);
  throw new Error(`Prism did not answer on ${origin} within ${readyWithinMs} ms:\n${log()}`);
}
