/**
 * The loopback server every contender calls: a bare `node:http` server answering the two operations with
 * the documented examples from spec/examples. It runs in a process of its own, so its CPU time never counts
 * as a contender's, and it does as little as it can per request, so a contender's own cost shows in the
 * ratio instead of being diluted by the server's. It still refuses a request without a bearer token or with
 * a path off the documented templates, so a contender that sent the wrong request could not look fast.
 */
import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const examples = new URL("../../spec/examples/", import.meta.url);
const example = (name: string): unknown =>
  (JSON.parse(readFileSync(new URL(`${name}.json`, examples), "utf8")) as { value: unknown }).value;

/** The documented bodies, which every contender's result must equal. */
export const expected = {
  details: example("get-session-participant-details"),
  peer: example("get-participant-data-from-peer-id"),
};

const segment = "[^/?]+";
const routes: [RegExp, Buffer][] = [
  [
    new RegExp(
      `^/client/v4/accounts/${segment}/realtime/kit/${segment}/sessions/peer-report/${segment}(\\?|$)`,
    ),
    Buffer.from(JSON.stringify(expected.peer)),
  ],
  [
    new RegExp(
      `^/client/v4/accounts/${segment}/realtime/kit/${segment}/sessions/${segment}/participants/${segment}(\\?|$)`,
    ),
    Buffer.from(JSON.stringify(expected.details)),
  ],
];
const notFound = Buffer.from(JSON.stringify({ success: false, error: { code: 404, message: "Not found" } }));
const unauthorized = Buffer.from(
  JSON.stringify({ success: false, errors: [{ code: 10000, message: "Authentication error" }] }),
);

const serve = (): void => {
  const server = createServer((req, res) => {
    const body = !req.headers.authorization?.startsWith("Bearer ")
      ? unauthorized
      : req.method === "GET"
        ? routes.find(([route]) => route.test(req.url ?? ""))?.[1]
        : undefined;
    res.writeHead(body === unauthorized ? 401 : body ? 200 : 404, {
      "content-type": "application/json",
      "content-length": (body ?? notFound).length,
      "cf-ray": "0123456789abcdef-BENCH",
    });
    res.end(body ?? notFound);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    if (address && typeof address === "object") process.send?.(address.port);
  });
  process.on("disconnect", () => process.exit(0));
};

export interface BenchServer {
  /** What a client takes as `baseURL`: `http://127.0.0.1:<port>/client/v4`. */
  baseURL: string;
  close(): void;
}

/** Starts the server in a child process and resolves once it listens. */
export const startServer = (): Promise<BenchServer> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--serve"], { stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the bench server exited with ${code} before listening`)));
    child.once("message", (port) =>
      resolve({ baseURL: `http://127.0.0.1:${port}/client/v4`, close: () => child.kill() }),
    );
  });

if (process.argv.includes("--serve")) serve();
