import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, ids, peerReportPath } from "../helpers/api.js";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
let outDir: string;

// Build the current sources with the package's own tsdown config, into a directory outside the
// repository: the built files must work with no spec/ or src/ next to them, as they will when installed.
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "realtimekit-mock-dist-"));
  await run(join(packageDir, "node_modules/.bin/tsdown"), ["--out-dir", outDir, "--log-level", "warn"], {
    cwd: packageDir,
    timeout: 240_000,
  });
  // As installed, the package's `"type": "module"` makes the .js files ES modules.
  writeFileSync(join(outDir, "package.json"), JSON.stringify({ type: "module" }));
}, 300_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Starts the bin and resolves with the first line it prints; the child is killed by the test that started it. */
function startBin(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(outDir, "bin.js"), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the bin printed no URL in 5 s; stdout: ${out}`));
    }, 5_000);
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("\n")) {
        clearTimeout(timer);
        resolve({ child, url: out.split("\n")[0] ?? "" });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the bin exited (${code}) before printing its URL`));
    });
  });
}

/** Resolves with the exit code and signal, or kills the child and rejects after `ms`. */
function exited(child: ChildProcess, ms = 5_000): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null) return Promise.resolve({ code: child.exitCode, signal: null });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the process did not exit within ${ms} ms`));
    }, ms);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

describe("the realtimekit-mock bin", () => {
  it("starts with a shebang and is executable", () => {
    const bin = join(outDir, "bin.js");
    expect(readFileSync(bin, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints its base URL on one line, serves, and exits 0 on %s",
    async (signal) => {
      const { child, url } = await startBin(["--port", "0"]);
      try {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
        const res = await get(`${url}${peerReportPath()}`);
        expect(res.status).toBe(200);
        expect((await res.json()).data.id).toBe(ids.peer_id);
        // fetch keeps that connection open (keep-alive); it must not keep the process alive after the signal.
        child.kill(signal);
        expect(await exited(child)).toStrictEqual({ code: 0, signal: null });
      } finally {
        child.kill("SIGKILL");
      }
    },
  );

  it("listens on the port given with --port", async () => {
    const probe = await startBin([]);
    const port = Number(new URL(probe.url).port);
    probe.child.kill("SIGTERM");
    await exited(probe.child);
    const { child, url } = await startBin(["--port", String(port), "--host", "127.0.0.1"]);
    try {
      expect(url).toBe(`http://127.0.0.1:${port}/client/v4`);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("answers generated data by default, the documented examples with --data documented, per --seed", async () => {
    const bodies: Record<string, string> = {};
    for (const [name, args] of Object.entries({
      generated: [],
      again: [],
      seeded: ["--seed", "other"],
      documented: ["--data", "documented"],
    })) {
      const { child, url } = await startBin(args);
      try {
        bodies[name] = await (await get(`${url}${peerReportPath()}`)).text();
      } finally {
        child.kill("SIGKILL");
      }
    }
    expect(bodies.again).toBe(bodies.generated);
    expect(bodies.seeded).not.toBe(bodies.generated);
    expect(JSON.parse(bodies.documented ?? "").data.display_name).toBe("display_name");
    expect(JSON.parse(bodies.generated ?? "").data.display_name).not.toBe("display_name");
  });

  it("answers the SDK types' shape with --data cloudflare-types", async () => {
    const { child, url } = await startBin(["--data", "cloudflare-types"]);
    try {
      const body = await (await get(`${url}${peerReportPath()}`)).json();
      expect(body.data.participant.id).toBe(ids.peer_id);
      expect(body.data.participant.role).toBeTypeOf("string");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("accepts only --token and --key credentials, and answers 403 to a --forbidden-token", async () => {
    const { child, url } = await startBin([
      "--token",
      "fake-one",
      "--token",
      "fake-two",
      "--key",
      "dev@example.com:fake:key",
      "--forbidden-token",
      "fake-read-only",
    ]);
    const status = async (headers: Record<string, string>) =>
      (await fetch(`${url}${peerReportPath()}`, { headers, signal: AbortSignal.timeout(5_000) })).status;
    try {
      expect(await status({ authorization: "Bearer fake-one" })).toBe(200);
      expect(await status({ authorization: "Bearer fake-two" })).toBe(200);
      expect(await status({ "x-auth-email": "dev@example.com", "x-auth-key": "fake:key" })).toBe(200);
      expect(await status({ authorization: "Bearer fake-read-only" })).toBe(403);
      expect(await status({ authorization: "Bearer fake-three" })).toBe(401);
      expect(await status({ authorization: "Bearer undefined" })).toBe(401);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("prints usage for --help and exits 0", async () => {
    const { stdout } = await run(process.execPath, [join(outDir, "bin.js"), "--help"], { timeout: 5_000 });
    expect(stdout).toMatch(/^Usage: realtimekit-mock \[--port N\] \[--host ADDRESS\] \[--data KIND\]/);
  });

  it.each([
    [["--port", "abc"], /--port must be a whole number/],
    [["--port", "70000"], /--port must be a whole number/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["--data", "fake"], /--data must be generated, documented, cloudflare-types/],
    [["--key", "no-colon"], /--key must be EMAIL:KEY/],
    [
      ["--token", "undefined"],
      /^realtimekit-mock: --token: the token can never match: it must be a string, not empty/,
    ],
    [
      ["--token", "good", "--forbidden-token", "a b"],
      /^realtimekit-mock: --forbidden-token: the token can never match/,
    ],
    [["--key", "dev@example.com:null"], /^realtimekit-mock: --key: the key can never match/],
  ])("refuses %j with exit code 2 and a pointer to --help", async (args, message) => {
    const error = await run(process.execPath, [join(outDir, "bin.js"), ...args], { timeout: 5_000 }).catch(
      (e) => e,
    );
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(message);
    expect(error.stderr).toMatch(/--help/);
  });
});

describe("the built library", () => {
  it("embeds the spec's examples: no file of the repository is read at run time", () => {
    const files = readdirSync(outDir).filter((name) => /\.c?js$/.test(name));
    for (const file of files) {
      const text = readFileSync(join(outDir, file), "utf8");
      expect(text, file).not.toMatch(/spec\/examples|readFileSync|\.json["']/);
    }
    // The examples live in the chunk the entries share, and in the bin, which is bundled whole.
    const holding = files.filter((file) =>
      readFileSync(join(outDir, file), "utf8").includes("custom_participant_id"),
    );
    expect(holding).toContain("bin.js");
    expect(holding.length).toBeGreaterThanOrEqual(3);
  });

  // A process whose only work was a server with a hung and a delayed request must exit by itself
  // once close() resolves: nothing (socket, timer, listener) may keep its event loop alive.
  const scenario = (load: string) => `
    ${load}
    const server = await startMockServer({ scripts: { getParticipantDataFromPeerId: [{ hang: true }, { delay: 600000 }] } });
    const url = server.baseURL + ${JSON.stringify(peerReportPath())};
    const init = { headers: { authorization: "Bearer t" } };
    const answers = [fetch(url, init), fetch(url, init)].map((p) => p.then(() => "answered", () => "cut"));
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    await server.close();
    console.log((await Promise.all(answers)).join(","));
  `;

  it.each([
    ["ESM import", `import { startMockServer } from "./index.js";`],
    [
      "CommonJS require",
      `import { createRequire } from "node:module"; const { startMockServer } = createRequire(import.meta.url)("./index.cjs");`,
    ],
  ])("%s: close() leaves nothing that keeps the process alive", async (_, load) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", scenario(load)], {
      cwd: outDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const result = await exited(child, 5_000);
    expect(stderr).toBe("");
    expect(result).toStrictEqual({ code: 0, signal: null });
    expect(stdout.trim()).toBe("cut,cut");
  });
});
