/**
 * Any JavaScript value where an option goes, as code without types (or with an `as`) can pass: symbols,
 * objects with no prototype, NaN, functions, arrays, strings with CR/LF. test/properties covers ids,
 * filters, counts and header strings; this adds every construction option, the options bag itself, the
 * call's `signal` and `headers`, `defaultHeaders` of any shape, and `baseURL` strings. Each yields a
 * `RealtimeKitError` at once (`InvalidParameterError` naming what it refused) or one correct request:
 * spec-valid, with the bearer token and no header beyond those given. Never a `TypeError`, never the network.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  createRealtimeKitClient,
  InvalidParameterError,
  RealtimeKitError,
} from "../../src/index.js";
import { call, numRuns, type OperationId, validIds } from "../properties/arbitraries.js";
import { checkRequestAgainstSpec } from "../support/openapi-document.js";
import { jsonResponse, type RecordedRequest, recordingFetch } from "../support/request-recorder.js";
import { apiToken } from "../support/sample-values.js";

const baseURL = "https://api.example.test/client/v4";
const operation = fc.constantFrom<OperationId>(
  "getSessionParticipantDetails",
  "getParticipantDataFromPeerId",
);

/** A recorder behind both the `fetch` option and `globalThis.fetch`, so no value can reach the network. */
const recorder = recordingFetch(() => jsonResponse({ data: null, success: true }));
beforeAll(() => {
  vi.stubGlobal("fetch", recorder.fetch);
  for (const name of [
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_ACCOUNT_ID",
    "REALTIMEKIT_APP_ID",
    "CLOUDFLARE_BASE_URL",
  ]) {
    vi.stubEnv(name, undefined);
  }
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** Values no option should meet, and a few it should take. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.constantFrom<unknown>(
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    2 ** 31,
    "",
    " ",
    "\r\n",
    "x\r\nx-injected: 1",
    "100",
    "é",
    Symbol("s"),
    () => 1,
    Object.create(null),
    [],
    ["a", "b"],
    new Headers({ "x-a": "1" }),
    new AbortController().signal,
    AbortSignal.abort(),
  ),
);

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };
function settleNow(run: () => unknown): Promise<Settled> {
  try {
    return Promise.resolve(run()).then(
      (value) => ({ ok: true, value }),
      (error) => ({ ok: false, error }),
    );
  } catch (error) {
    return Promise.resolve({ ok: false, error });
  }
}

/**
 * One GET the spec allows, with the bearer token, and no header but those `given` and the two the client
 * adds (`accept`, `authorization`), none with a CR, LF or NUL.
 */
function expectCorrectRequest(
  requests: RecordedRequest[],
  { basePath = "/client/v4", given = [] as string[], token = apiToken } = {},
): void {
  expect(requests, "an accepted call sends exactly one request").toHaveLength(1);
  const [request] = requests;
  if (!request) return;
  expect(request.method).toBe("GET");
  expect(checkRequestAgainstSpec(request.url, basePath).problems, request.url).toEqual([]);
  expect(request.headers.authorization).toBe(`Bearer ${token}`);
  const allowed = new Set(["accept", "authorization", ...given.map((name) => name.toLowerCase())]);
  for (const [name, value] of Object.entries(request.headers)) {
    expect(allowed.has(name), `unexpected header ${name}`).toBe(true);
    expect(value, name).not.toMatch(/[\0\r\n]/);
  }
}

const describeValue = (value: unknown) => {
  try {
    return typeof value === "symbol" ? value.toString() : (JSON.stringify(value) ?? String(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
};

describe("any value for a construction option", () => {
  test.each([
    "apiToken",
    "accountId",
    "appId",
    "baseURL",
    "timeout",
    "maxRetries",
    "fetch",
    "defaultHeaders",
  ])("%s: refused with a RealtimeKitError, or one correct request", async (option) => {
    await fc.assert(
      fc.asyncProperty(anyValue, operation, async (value, op) => {
        // A function is a fetch as far as anyone can check; what it answers is its own business.
        fc.pre(!(option === "fetch" && typeof value === "function"));
        recorder.requests.length = 0;
        const created = await settleNow(() =>
          createRealtimeKitClient({
            apiToken,
            accountId: validIds[op].account_id,
            appId: validIds[op].app_id,
            baseURL,
            maxRetries: 0,
            fetch: recorder.fetch,
            [option]: value,
          }),
        );
        if (!created.ok) {
          expect(created.error, describeValue(value)).toBeInstanceOf(RealtimeKitError);
          if (created.error instanceof InvalidParameterError) {
            const names = option === "defaultHeaders" ? [option, ...Object.keys(value ?? {})] : [option];
            expect(names).toContain(created.error.param);
          }
          return;
        }
        const rtk = created.value as ReturnType<typeof createRealtimeKitClient>;
        const { account_id: _a, app_id: _b, ...ids } = validIds[op];
        const outcome = await settleNow(() => call(rtk, op, ids));
        if (!outcome.ok) {
          const error = outcome.error;
          // A timeout of a few milliseconds may fairly expire before the answer.
          if (option === "timeout" && error instanceof APIConnectionTimeoutError) return;
          expect(error, describeValue(value)).toBeInstanceOf(InvalidParameterError);
          expect(["account_id", "app_id"]).toContain((error as InvalidParameterError).param);
          expect(recorder.requests).toHaveLength(0);
          return;
        }
        const headers =
          option === "defaultHeaders" && value && typeof value === "object" ? Object.keys(value) : [];
        expectCorrectRequest(recorder.requests, {
          given: headers,
          token: option === "apiToken" ? String(value) : apiToken,
        });
      }),
      { numRuns },
    );
  });

  test("no options at all (null, a string, a number): refused or the environment's defaults", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<unknown>(null, "x", 5, [], true), async (options) => {
        const created = await settleNow(() => createRealtimeKitClient(options as never));
        // No token anywhere: the documented "missing token" error, whatever the options were.
        expect(created.ok).toBe(false);
        if (!created.ok) expect(created.error).toBeInstanceOf(RealtimeKitError);
      }),
    );
  });
});

describe("any value for a call option, or for the options bag", () => {
  const client = () =>
    createRealtimeKitClient({ apiToken, baseURL, maxRetries: 0, timeout: 5_000, fetch: recorder.fetch });

  test.each(["signal", "headers", "timeout", "maxRetries", "(the bag)"])(
    "%s: refused with InvalidParameterError, or one correct request",
    async (option) => {
      await fc.assert(
        fc.asyncProperty(anyValue, operation, async (value, op) => {
          recorder.requests.length = 0;
          const options = option === "(the bag)" ? value : { [option]: value };
          const outcome = await settleNow(() => call(client(), op, validIds[op], {}, options as never));
          if (!outcome.ok) {
            const error = outcome.error;
            if (error instanceof APIUserAbortError) {
              // An aborted signal is obeyed: nothing is sent.
              expect(
                (value as AbortSignal)?.aborted ?? (value as { signal?: AbortSignal })?.signal?.aborted,
              ).toBe(true);
              expect(recorder.requests).toHaveLength(0);
              return;
            }
            if (option === "timeout" && error instanceof APIConnectionTimeoutError) return;
            expect(error, describeValue(value)).toBeInstanceOf(InvalidParameterError);
            expect(recorder.requests).toHaveLength(0);
            return;
          }
          const headers =
            option !== "headers" || !value || typeof value !== "object"
              ? []
              : value instanceof Headers
                ? [...value.keys()]
                : Object.keys(value);
          expectCorrectRequest(recorder.requests, { given: headers });
        }),
        { numRuns },
      );
    },
  );
});

describe("defaultHeaders of any shape", () => {
  const headerName = fc.oneof(
    fc.stringMatching(/^x-[a-z0-9-]{1,10}$/),
    fc.constantFrom("", "x y", "x:y", "x\r\ny", "é", "(x)", "x/y"),
  );
  const headerValue = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom<unknown>(
      " padded ",
      "\tx",
      "a\r\nx-injected: 1",
      "\0",
      "é",
      "€",
      5,
      true,
      null,
      undefined,
    ),
    fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    anyValue,
  );

  test("each header is refused (InvalidParameterError naming it) or arrives as its value", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(headerName, headerValue), {
          maxLength: 4,
          selector: ([name]) => name.toLowerCase(),
        }),
        operation,
        async (entries, op) => {
          recorder.requests.length = 0;
          const defaultHeaders = Object.fromEntries(entries);
          const created = await settleNow(() =>
            createRealtimeKitClient({
              apiToken,
              baseURL,
              maxRetries: 0,
              fetch: recorder.fetch,
              defaultHeaders: defaultHeaders as Record<string, string>,
            }),
          );
          if (!created.ok) {
            const error = created.error;
            expect(error, describeValue(defaultHeaders)).toBeInstanceOf(InvalidParameterError);
            expect(Object.keys(defaultHeaders)).toContain((error as InvalidParameterError).param);
            return;
          }
          const outcome = await settleNow(() =>
            call(created.value as ReturnType<typeof createRealtimeKitClient>, op, validIds[op]),
          );
          expect(outcome).toMatchObject({ ok: true });
          expectCorrectRequest(recorder.requests, { given: Object.keys(defaultHeaders) });
          const sent = recorder.requests[0]?.headers ?? {};
          for (const [name, value] of entries) {
            // null, undefined or an empty list leaves a header out; `Headers` trims each value's surrounding
            // whitespace and joins a list's with ", ".
            const list = value === null || value === undefined ? [] : [value].flat();
            const expected =
              list.length === 0
                ? undefined
                : list
                    .map((v) => String(v).trim())
                    .join(", ")
                    .trim();
            expect(sent[name.toLowerCase()], name).toBe(expected);
          }
        },
      ),
      { numRuns },
    );
  });
});

describe("baseURL strings", () => {
  const loopback = (hostname: string) =>
    hostname === "localhost" || hostname === "[::1]" || /^127(\.\d+){3}$/.test(hostname);
  /** The client's rule, restated: https:, or http: on loopback; no query, fragment or credentials. */
  const acceptable = (text: string) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return false;
    }
    return (
      (url.protocol === "https:" || (url.protocol === "http:" && loopback(url.hostname))) &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password
    );
  };
  const urlish = fc.oneof(
    fc.webUrl({
      validSchemes: ["http", "https", "ftp", "ws", "file"],
      withQueryParameters: true,
      withFragments: true,
      authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
    }),
    fc
      .tuple(
        fc.constantFrom("http://", "https://", "HTTP://", "http:/", "http:", "//", "", " https://"),
        fc.constantFrom(
          "127.0.0.1",
          "127.1",
          "2130706433",
          "0x7f000001",
          "localhost",
          "LOCALHOST",
          "localhost.",
          "[::1]",
          "[::ffff:127.0.0.1]",
          "127.0.0.1.evil.test",
          "evil.test",
          "user:pw@127.0.0.1",
          "127.0.0.1:4010",
          "127.0.0.1:65536",
        ),
        fc.constantFrom(
          "",
          "/",
          "/client/v4",
          "/client/v4/",
          "/a/../b",
          "/%2e%2e/x",
          "/?x=1",
          "/#f",
          "/a b",
          "/\r\n",
          "/%zz",
        ),
      )
      .map(([scheme, host, path]) => scheme + host + path),
    fc.string({ maxLength: 30 }),
  );

  test("refused with InvalidParameterError, or every request goes to that origin below that path", async () => {
    await fc.assert(
      fc.asyncProperty(urlish, operation, async (text, op) => {
        recorder.requests.length = 0;
        const created = await settleNow(() =>
          createRealtimeKitClient({ apiToken, baseURL: text, maxRetries: 0, fetch: recorder.fetch }),
        );
        if (!created.ok) {
          expect(created.error).toBeInstanceOf(InvalidParameterError);
          expect((created.error as InvalidParameterError).param).toBe("baseURL");
          expect(acceptable(text), `refused ${JSON.stringify(text)}`).toBe(false);
          return;
        }
        expect(acceptable(text), `accepted ${JSON.stringify(text)}`).toBe(true);
        const base = new URL(text);
        const basePath = base.pathname.replace(/\/$/, "");
        const outcome = await settleNow(() =>
          call(created.value as ReturnType<typeof createRealtimeKitClient>, op, validIds[op]),
        );
        expect(outcome).toMatchObject({ ok: true });
        expectCorrectRequest(recorder.requests, { basePath });
        expect(new URL(recorder.requests[0]?.url ?? "").origin).toBe(base.origin);
      }),
      { numRuns },
    );
  });
});

describe("examples the properties must cover (each was a TypeError or a wrong request before)", () => {
  const make = (options: Record<string, unknown>) =>
    createRealtimeKitClient({ apiToken, baseURL, maxRetries: 0, fetch: recorder.fetch, ...options } as never);
  const peer = (rtk: ReturnType<typeof make>, options?: unknown) =>
    rtk.sessions.getParticipantDataFromPeerId(
      validIds.getParticipantDataFromPeerId.peer_id as string,
      {
        account_id: "a",
        app_id: "b",
      },
      options as never,
    );

  test.each([
    { label: "apiToken: []", options: { apiToken: [] }, param: "apiToken" },
    { label: "apiToken with a space", options: { apiToken: "token from a store" }, param: "apiToken" },
    { label: "apiToken: {}", options: { apiToken: {} }, param: "apiToken" },
    { label: "fetch: a typed array", options: { fetch: new Uint16Array(2) }, param: "fetch" },
    { label: 'defaultHeaders: "abc"', options: { defaultHeaders: "abc" }, param: "defaultHeaders" },
    { label: "a header value that is an object", options: { defaultHeaders: { "x-a": {} } }, param: "x-a" },
    {
      label: "a header value that is a symbol",
      options: { defaultHeaders: { "x-a": Symbol("s") } },
      param: "x-a",
    },
    {
      label: "a sparse list as a header value",
      // A hole, which a list would send as "undefined".
      options: { defaultHeaders: { "x-a": Object.assign([], { 1: "b" }) } },
      param: "x-a",
    },
  ])("construction with $label → InvalidParameterError naming $param", ({ options, param }) => {
    let thrown: unknown;
    try {
      make(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidParameterError);
    expect((thrown as InvalidParameterError).param).toBe(param);
  });

  test("createRealtimeKitClient(null) → the missing-token RealtimeKitError, not a TypeError", () => {
    expect(() => createRealtimeKitClient(null as never)).toThrow(RealtimeKitError);
  });

  test.each([
    { label: "signal: {}", options: { signal: {} }, param: "signal" },
    { label: 'signal: "x"', options: { signal: "x" }, param: "signal" },
    { label: 'headers: "abc"', options: { headers: "abc" }, param: "headers" },
    { label: "a header value that is a symbol", options: { headers: { "x-a": Symbol("s") } }, param: "x-a" },
  ])("a call with $label → InvalidParameterError naming $param, nothing sent", async ({ options, param }) => {
    recorder.requests.length = 0;
    const outcome = await settleNow(() => peer(make({}), options));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect((outcome.error as InvalidParameterError).param).toBe(param);
    expect(recorder.requests).toHaveLength(0);
  });

  test("a call with null options → one correct request, as with none", async () => {
    recorder.requests.length = 0;
    const outcome = await settleNow(() => peer(make({}), null));
    expect(outcome).toMatchObject({ ok: true });
    expectCorrectRequest(recorder.requests);
  });
});
