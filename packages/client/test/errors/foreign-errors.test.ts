/**
 * Errors built from an allowlist: whatever a custom `fetch` throws (ky-, axios- and ofetch-style errors
 * carrying the request and its options, a cause that is a Request, plain objects, circular ones, getters
 * that throw), the client's error holds a plain copy of `name`, `message`, `code`, `errno`, `syscall`,
 * `address` and `port` (and the cause's, by the same rule), with the token cut out. No rendering of the
 * error or its cause shows the token.
 */
import { inspect } from "node:util";
import { describe, expect, test, vi } from "vitest";
import { APIConnectionError, NotFoundError } from "../../src/index.js";
import { client, details, fakeFetch, rejection, TOKEN } from "../fake-fetch.js";

/** What a foreign fetch wrapper throws, built from the init the client gave it. */
const shapes: [string, (url: string, init: RequestInit) => unknown][] = [
  [
    // ky's HTTPError carries a response too, which makes it an answer: test/fetch-contract/throwing-wrapper.
    "ky's TimeoutError: request and options hang off it",
    (url, init) =>
      Object.assign(new Error(`Request timed out: GET ${url}`), {
        name: "TimeoutError",
        request: new Request(url, init),
        options: { ...init, headers: Object.fromEntries(new Headers(init.headers)) },
      }),
  ],
  [
    "axios's AxiosError: config.headers and a request with _header",
    (url, init) =>
      Object.assign(new Error("socket hang up"), {
        name: "AxiosError",
        code: "ECONNRESET",
        isAxiosError: true,
        config: { url, method: "get", headers: Object.fromEntries(new Headers(init.headers)) },
        request: { _header: `GET / HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n` },
        toJSON(): unknown {
          return { message: "socket hang up", config: this.config };
        },
      }),
  ],
  [
    "ofetch's FetchError: request, options and a cause",
    (url, init) =>
      Object.assign(
        new Error(`[GET] "${url}": <no response> fetch failed`, { cause: new TypeError("fetch failed") }),
        {
          name: "FetchError",
          request: url,
          options: { headers: new Headers(init.headers) },
        },
      ),
  ],
  [
    "an error whose cause is the Request",
    (url, init) => new TypeError("fetch failed", { cause: new Request(url, init) }),
  ],
  [
    "a plain object with the headers",
    (_url, init) => ({
      message: "boom",
      code: "EBOOM",
      headers: Object.fromEntries(new Headers(init.headers)),
    }),
  ],
  [
    "a circular object",
    (_url, init) => {
      const o: Record<string, unknown> = { name: "Loop", message: "loop", init };
      o.self = o;
      o.cause = o;
      return o;
    },
  ],
  [
    "a getter that throws, and a message that is the token itself",
    (_url, init) => {
      const e = new Error(`Bearer ${TOKEN}`);
      Object.defineProperty(e, "code", {
        get() {
          throw new Error("no");
        },
      });
      Object.defineProperty(e, "cause", { get: () => ({ init }) });
      return e;
    },
  ],
  ["a string", (_url, init) => `failed with ${new Headers(init.headers).get("authorization")}`],
  [
    "a Proxy that throws on every read",
    () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error("trap");
          },
        },
      ),
  ],
  [
    "a network error of Node's with code, errno, syscall, address and port",
    () =>
      new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
          code: "ECONNREFUSED",
          errno: -111,
          syscall: "connect",
          address: "127.0.0.1",
          port: 9,
          headers: { authorization: `Bearer ${TOKEN}` },
        }),
      }),
  ],
];

const renderings = (error: Error) => [
  inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  JSON.stringify(error),
  JSON.stringify(error.cause) ?? "",
  String(error),
  error.stack ?? "",
];

/** Only plain objects and primitives, down the whole tree. */
const plain = (value: unknown, depth = 0): boolean =>
  depth < 10 &&
  (value === null ||
    typeof value !== "object" ||
    (Object.getPrototypeOf(value) === Object.prototype &&
      Object.values(value).every((v) => plain(v, depth + 1))));

describe("a foreign fetch's error becomes an APIConnectionError with a plain, token-free cause", () => {
  test.each(shapes)("%s", async (_label, make) => {
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      throw make(url, init);
    });
    const error = await rejection(details(client(fetch, { maxRetries: 0 })));
    expect(error).toBeInstanceOf(APIConnectionError);
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(plain(error.cause)).toBe(true);
    const keys = (o: unknown): string[] =>
      o && typeof o === "object" ? Object.entries(o).flatMap(([k, v]) => [k, ...keys(v)]) : [];
    for (const key of keys(error.cause)) {
      expect(["name", "message", "code", "errno", "syscall", "address", "port", "cause"]).toContain(key);
    }
  });

  test("the fields a reader needs are kept", async () => {
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      const [, make] = shapes[shapes.length - 1] as (typeof shapes)[number];
      throw make(url, init);
    });
    const error = await rejection(details(client(fetch, { maxRetries: 0 })));
    expect(error.cause).toEqual({
      name: "TypeError",
      message: "fetch failed",
      cause: {
        name: "Error",
        message: "connect ECONNREFUSED 127.0.0.1:9",
        code: "ECONNREFUSED",
        errno: -111,
        syscall: "connect",
        address: "127.0.0.1",
        port: 9,
      },
    });
  });

  test("a cause chain is copied 5 levels deep, no deeper", async () => {
    let deep: Error = new Error("level 9");
    for (let i = 8; i >= 0; i--) deep = new Error(`level ${i}`, { cause: deep });
    const { fetch } = fakeFetch(deep);
    const error = await rejection(details(client(fetch, { maxRetries: 0 })));
    expect(JSON.stringify(error.cause).match(/level \d/g)).toEqual([
      "level 0",
      "level 1",
      "level 2",
      "level 3",
      "level 4",
    ]);
  });
});

describe("JSON.stringify of an APIError", () => {
  test("gives name, message, status, requestId, errors, retryAfter and the headers as a plain object", async () => {
    const { fetch } = fakeFetch({
      status: 404,
      body: { success: false, errors: [{ code: 7, message: `no such peer for ${TOKEN}` }] },
      headers: { "cf-ray": "8f-SJC", "retry-after": "2", "x-echo": `Bearer ${TOKEN}` },
    });
    const error = await rejection(details(client(fetch)));
    expect(error).toBeInstanceOf(NotFoundError);
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: "NotFoundError",
      message: "404 no such peer for [redacted]",
      status: 404,
      requestId: "8f-SJC",
      errors: [{ code: 7, message: "no such peer for [redacted]" }],
      retryAfter: 2000,
      headers: { "cf-ray": "8f-SJC", "x-echo": "Bearer [redacted]", "retry-after": "2" },
    });
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});
