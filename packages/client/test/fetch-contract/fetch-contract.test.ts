/**
 * The `fetch` contract: a custom `fetch` is called as `fetch(url, init)`, a string and a plain
 * `RequestInit` with `fetchOptions` merged in (the call's over the client's), never with a `Request` made
 * by another implementation. Proven with undici's own `fetch` and `ProxyAgent` through a real HTTP proxy
 * (the `proxy` package) on loopback, and with a fetch that refuses its arguments, which is not retried.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createProxy } from "proxy";
import { Agent, ProxyAgent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { APIConnectionError, type Fetch, InvalidParameterError } from "../../src/index.js";
import { client, details, fakeFetch, ok, rejection } from "../fake-fetch.js";
import { expectConforming, faultClient, peerReport, details as wireDetails } from "../reliability/harness.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";

let server: LoopbackServer;
const proxy = createProxy(createServer());
const proxied: string[] = [];
let proxyUrl = "";
beforeAll(async () => {
  server = await startLoopbackServer();
  proxy.on("connect", (req) => proxied.push(`CONNECT ${req.url}`));
  proxy.on("request", (req) => proxied.push(`${req.method} ${req.url}`));
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await server?.close();
});

const participant = { success: true, data: { participant: { id: "p" } } };
// undici's fetch has its own Request and Response types; at run time they are what the client expects.
const undici = undiciFetch as unknown as Fetch;

describe("a custom fetch is called as fetch(url, init)", () => {
  test("with a string URL and a plain init carrying method, headers and signal", async () => {
    const calls: unknown[][] = [];
    const { fetch } = fakeFetch(ok());
    await details(
      client((...args) => {
        calls.push(args);
        return fetch(...args);
      }),
    );
    const [url, init] = calls[0] as [unknown, RequestInit];
    expect(typeof url).toBe("string");
    expect(calls[0]).toHaveLength(2);
    expect(Object.getPrototypeOf(init)).toBe(Object.prototype);
    expect(init.method).toBe("GET");
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init.headers).get("authorization")).toMatch(/^Bearer /);
  });

  test("fetchOptions of the client and of the call are merged into every init, the call's winning", async () => {
    const { fetch } = fakeFetch({ status: 503 }, ok());
    const inits: RequestInit[] = [];
    const rtk = client(
      (url, init) => {
        inits.push(init);
        return fetch(url, init);
      },
      {
        fetchOptions: { cache: "no-store", keepalive: true, priority: "low" },
      },
    );
    vi.useFakeTimers();
    const result = details(rtk, { fetchOptions: { priority: "high", referrerPolicy: "no-referrer" } });
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await result;
    expect(inits).toHaveLength(2);
    for (const init of inits) {
      expect(init).toMatchObject({
        cache: "no-store",
        keepalive: true,
        priority: "high",
        referrerPolicy: "no-referrer",
      });
    }
    // The client's own are left as they were for the next call.
    await details(rtk);
    expect(inits[2]).toMatchObject({ priority: "low" });
    expect(inits[2]).not.toHaveProperty("referrerPolicy");
  });

  test.each([
    ["a string", "no-store"],
    ["a list", []],
    ["headers in it", { headers: { a: "b" } }],
    ["a signal in it", { signal: new AbortController().signal }],
    ["a method in it", { method: "POST" }],
  ])("fetchOptions with %s → InvalidParameterError naming it, nothing sent", async (_label, fetchOptions) => {
    const { fetch } = fakeFetch(ok());
    const error = await rejection(details(client(fetch), { fetchOptions: fetchOptions as never }));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).param).toMatch(/^fetchOptions/);
    expect(() => client(fetch, { fetchOptions: fetchOptions as never })).toThrow(InvalidParameterError);
    expect(fetch).not.toHaveBeenCalled();
  });

  test("middleware still sees one real Request, and fetch still gets a URL and a plain init", async () => {
    const calls: unknown[][] = [];
    const { fetch } = fakeFetch(ok());
    const rtk = client((...args) => {
      calls.push(args);
      return fetch(...args);
    });
    rtk.use({
      onRequest: ({ request }) => {
        expect(request).toBeInstanceOf(Request);
        request.headers.set("x-trace", "1");
        return request;
      },
    });
    await details(rtk);
    const [url, init] = calls[0] as [unknown, RequestInit];
    expect(typeof url).toBe("string");
    expect(init).not.toBeInstanceOf(Request);
    expect(new Headers(init.headers).get("x-trace")).toBe("1");
  });
});

describe("undici's fetch and ProxyAgent, end to end through a real proxy on loopback", () => {
  test("fetch: undiciFetch with fetchOptions { dispatcher: new ProxyAgent(url) } → the answer, via the proxy", async () => {
    server.handle((_req, res) => sendJson(res, 200, participant));
    proxied.length = 0;
    const dispatcher = new ProxyAgent(proxyUrl);
    try {
      const rtk = faultClient(server.baseURL, { fetch: undici, fetchOptions: { dispatcher } });
      await expect(wireDetails(rtk)).resolves.toEqual(participant);
      expect(server.hits).toHaveLength(1);
      expectConforming(server);
      const host = new URL(server.origin).host;
      expect(
        proxied.some((line) => line.includes(host)),
        proxied.join("\n"),
      ).toBe(true);
    } finally {
      await dispatcher.close();
    }
  });

  test("a dispatcher given per call wins over the client's", async () => {
    server.handle((_req, res) => sendJson(res, 200, participant));
    proxied.length = 0;
    const direct = new Agent();
    const viaProxy = new ProxyAgent(proxyUrl);
    try {
      const rtk = faultClient(server.baseURL, { fetch: undici, fetchOptions: { dispatcher: direct } });
      await peerReport(rtk);
      expect(proxied).toEqual([]);
      await peerReport(rtk, { fetchOptions: { dispatcher: viaProxy } });
      expect(proxied).toHaveLength(1);
    } finally {
      await Promise.all([direct.close(), viaProxy.close()]);
    }
  });

  test("the wrapper users wrote before, fetch: (url, init) => undiciFetch(url, { ...init, dispatcher }), works too", async () => {
    server.handle((_req, res) => sendJson(res, 200, participant));
    const dispatcher = new ProxyAgent(proxyUrl);
    try {
      const rtk = faultClient(server.baseURL, {
        fetch: (url, init) => undici(url, { ...init, dispatcher } as RequestInit),
      });
      await expect(wireDetails(rtk)).resolves.toEqual(participant);
    } finally {
      await dispatcher.close();
    }
  });
});

describe("a failure before anything was sent surfaces after one attempt, with its cause", () => {
  test.each<[string, Fetch]>([
    // What `fetch: (r) => undiciFetch(r)` did when it was handed our Request: undici cannot read another
    // implementation's Request.
    ["undici given a Request of Node's", (url, init) => undici(new Request(url, init) as never, {})],
    ["a header fetch refuses", (url, init) => fetch(url, { ...init, headers: { "bad header": "x" } })],
    ["a URL fetch cannot parse", (_url, init) => fetch("http://[::1", init)],
    // Found here: undici refuses a dispatcher that is not one with UND_ERR_INVALID_ARG inside "fetch failed".
    [
      "undici given a dispatcher that is not one",
      (url, init) => undici(url, { ...init, dispatcher: {} } as RequestInit),
    ],
  ])("%s → APIConnectionError 'Request not sent', 1 attempt", async (_label, wrapped) => {
    server.handle((_req, res) => sendJson(res, 200, participant));
    const fetch = vi.fn(wrapped);
    const error = await rejection(wireDetails(faultClient(server.baseURL, { fetch, maxRetries: 2 })));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/^Request not sent: /);
    expect(error.cause).toMatchObject({ message: expect.any(String) });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(server.hits).toEqual([]);
  });

  test("a port the Fetch standard blocks (Node's \"bad port\") → 'Request not sent', 1 attempt", async () => {
    const fetch = vi.fn(globalThis.fetch);
    const error = await rejection(
      peerReport(faultClient("http://127.0.0.1:1/client/v4", { fetch, maxRetries: 2 })),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe("Request not sent: fetch failed");
    expect(error.cause).toMatchObject({ message: "fetch failed", cause: { message: "bad port" } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test("a connection that fails after sending is still retried", async () => {
    server.handle((req) => req.socket.destroy());
    const fetch = vi.fn(undici);
    const error = await rejection(peerReport(faultClient(server.baseURL, { fetch, maxRetries: 1 })));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe("Connection error.");
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
