/**
 * Deadlines that cannot be lost: against a server that never answers, each attempt ends at its `timeout`
 * and the call at once on the caller's abort, whatever the `fetch` does with the signal it is given, and
 * with full garbage collections forced while it waits. The signal is still passed, so a fetch that keeps it
 * frees its socket.
 */
import { describe, expect, test } from "vitest";
import { APIConnectionTimeoutError, APIUserAbortError, type Fetch } from "../../src/index.js";
import {
  collectGarbage,
  expectFault,
  faultClient,
  guardConsole,
  peerReport,
  slack,
} from "../reliability/harness.js";
import { loopbackServerForFile } from "../support/loopback-server.js";
import { sleep } from "../support/outcome.js";

guardConsole();

const server = loopbackServerForFile();

const wrappers: { label: string; fetch: Fetch }[] = [
  // A Request of its own, which Node's fetch copies; the copy follows its signal only while it lives.
  { label: "fetch(new Request(url, init))", fetch: (url, init) => fetch(new Request(url, init)) },
  {
    label: "fetch(new Request(url, init).clone())",
    fetch: (url, init) => fetch(new Request(url, init).clone()),
  },
  // Drops the signal outright, as wrappers that pick fields of the init do.
  {
    label: "a wrapper that leaves the signal out",
    fetch: (url, { signal: _signal, ...init }) => fetch(url, init),
  },
  // Never settles and never looks at the signal.
  { label: "a fetch that never settles", fetch: () => new Promise<Response>(() => {}) },
];

describe("the timeout ends each attempt whatever the fetch does with the signal, GC forced", () => {
  test.each(wrappers)(
    "$label → APIConnectionTimeoutError after 2 attempts of `timeout`",
    async ({ fetch }) => {
      server.handle(() => {});
      const timeout = 300;
      const settled = Promise.race([
        expectFault(
          () => peerReport(faultClient(server.baseURL, { timeout, maxRetries: 1, fetch })),
          server,
          {
            error: APIConnectionTimeoutError,
            attempts: fetch.length === 0 ? 0 : 2,
            atLeastMs: 2 * timeout,
            underMs: 2 * timeout + 500 + slack,
          },
        ).then(() => "settled"),
        sleep(2 * timeout + 500 + slack + 1_000).then(() => "still waiting"),
      ]);
      for (let i = 0; i < 4; i++) {
        await sleep(100);
        await collectGarbage();
      }
      expect(await settled).toBe("settled");
    },
  );
});

describe("the caller's abort ends the call at once whatever the fetch does with the signal, GC forced", () => {
  test.each(wrappers)("$label → APIUserAbortError as soon as the signal aborts", async ({ fetch }) => {
    server.handle(() => {});
    const controller = new AbortController();
    const call = expectFault(
      () =>
        peerReport(faultClient(server.baseURL, { timeout: 60_000, fetch }), { signal: controller.signal }),
      server,
      { error: APIUserAbortError, attempts: fetch.length === 0 ? 0 : 1, atLeastMs: 200, underMs: slack },
    );
    await sleep(100);
    await collectGarbage();
    await sleep(100);
    controller.abort();
    await call;
  });
});

test("the signal is still passed, and aborted at the deadline, so a fetch that keeps it can free its socket", async () => {
  server.handle(() => {});
  const signals: AbortSignal[] = [];
  const fetch: Fetch = (url, init) => {
    signals.push(init.signal as AbortSignal);
    return globalThis.fetch(url, init);
  };
  await expectFault(
    () => peerReport(faultClient(server.baseURL, { timeout: 200, maxRetries: 0, fetch })),
    server,
    {
      error: APIConnectionTimeoutError,
      attempts: 1,
      atLeastMs: 200,
      underMs: 200 + slack,
    },
  );
  expect(signals).toHaveLength(1);
  expect(signals[0]?.aborted).toBe(true);
});
