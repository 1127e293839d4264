/**
 * Options a caller can get wrong: negative, NaN, huge or non-numeric `timeout` and `maxRetries`, and
 * header names or values that could split a header. Each is refused with `InvalidParameterError` before
 * any request, or gives a correct request; never another exception class.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InternalServerError, InvalidParameterError, RealtimeKitError } from "../../src/index.js";
import { expectInstance } from "../support/outcome.js";
import { jsonResponse } from "../support/request-recorder.js";
import { call, numRuns, type OperationId, recordingClient, settle, validIds } from "./arbitraries.js";

const operation = fc.constantFrom<OperationId>(
  "getSessionParticipantDetails",
  "getParticipantDataFromPeerId",
);
const where = fc.constantFrom("client", "call");
const body = { data: null, success: true };

/**
 * Numbers no count of milliseconds or retries can be, and values that are not numbers. Zero and small
 * positive timeouts are left out: timing out at once is the correct answer to those.
 */
const notACount = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -0.5,
    2 ** 31,
    2 ** 53,
    1e300,
  ),
  fc.double({ noNaN: true, max: -Number.MIN_VALUE }),
  fc.integer({ min: -(2 ** 31), max: -1 }),
  fc.double({ noNaN: true, min: 2 ** 31 }),
  fc.string(),
  fc.constantFrom("100", "1e3", "", true, false, {}, [], [5], () => 5),
  fc.bigInt(),
);

describe("timeout", () => {
  test("a bad value is refused or ignored, never a timeout at once or a TypeError", async () => {
    await fc.assert(
      fc.asyncProperty(notACount, where, operation, async (timeout, place, op) => {
        // The answer takes a few ms, so a timeout that overflowed to 1 ms shows up as a timeout error.
        const { create, requests } = recordingClient(
          place === "client" ? { timeout: timeout as number } : {},
          5,
        );
        const outcome = await settle(() =>
          call(create(), op, validIds[op], {}, place === "call" ? { timeout } : undefined),
        );
        if (outcome.ok) {
          expect(outcome.value).toEqual(body);
          expect(requests).toHaveLength(1);
          return;
        }
        expect(expectInstance(outcome.error, InvalidParameterError).param).toBe("timeout");
        expect(requests).toHaveLength(0);
      }),
      { numRuns: Math.min(numRuns, 200) },
    );
  });
});

describe("maxRetries", () => {
  test("a bad value is refused, or bounds the attempts, never a TypeError or a call with no attempt", async () => {
    await fc.assert(
      fc.asyncProperty(notACount, where, operation, async (maxRetries, place, op) => {
        // Three immediate-retry 503s, then a 200: a call makes 1 to 4 attempts whatever it accepted.
        const { create, requests } = recordingClient(
          place === "client" ? { maxRetries: maxRetries as number } : {},
          0,
          (_request, index) =>
            index < 3
              ? jsonResponse(
                  { success: false, error: { code: 503, message: "busy" } },
                  {
                    status: 503,
                    headers: { "retry-after-ms": "0" },
                  },
                )
              : jsonResponse(body),
        );
        const outcome = await settle(() =>
          call(create(), op, validIds[op], {}, place === "call" ? { maxRetries } : undefined),
        );
        if (outcome.ok) {
          expect(outcome.value).toEqual(body);
          expect(requests).toHaveLength(4);
          return;
        }
        if (outcome.error instanceof InvalidParameterError) {
          expect(outcome.error.param).toBe("maxRetries");
          expect(requests).toHaveLength(0);
          return;
        }
        expectInstance(outcome.error, InternalServerError);
        expect(requests.length).toBeGreaterThanOrEqual(1);
        expect(requests.length).toBeLessThanOrEqual(3);
      }),
      { numRuns },
    );
  });
});

const crlf = fc.constantFrom("\r", "\n", "\r\n", "\u0000", "\r\nx-injected: 1");
/** A header value with a CR, LF or NUL somewhere inside it (leading and trailing ones too). */
const splittingValue = fc
  .tuple(fc.string({ maxLength: 6 }), crlf, fc.string({ maxLength: 6 }))
  .map(([a, b, c]) => a + b + c);
/** Names that are not HTTP tokens. */
const badName = fc.oneof(
  fc.constantFrom("", "x y", "x:y", "x\r\ny", "x\n", "é", "(x)", "x/y", "x@y"),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(s)),
);

describe("headers", () => {
  test("a value with CR, LF or NUL, or a bad name, is refused or sent whole; never a TypeError", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          splittingValue.map((value) => ["x-custom", value] as const),
          badName.map((name) => [name, "value"] as const),
        ),
        where,
        operation,
        async ([name, value], place, op) => {
          const headers = { [name]: value };
          const { create, requests } = recordingClient(place === "client" ? { defaultHeaders: headers } : {});
          const outcome = await settle(() =>
            call(create(), op, validIds[op], {}, place === "call" ? { headers } : undefined),
          );
          if (!outcome.ok) {
            expectInstance(outcome.error, InvalidParameterError);
            expect(requests).toHaveLength(0);
            return;
          }
          // `Headers` may only trim surrounding whitespace; the header must not have been split.
          expect(requests).toHaveLength(1);
          const sent = requests[0]?.headers ?? {};
          expect(sent[name.toLowerCase()]).toBe(value.trim());
          expect(sent).not.toHaveProperty("x-injected");
        },
      ),
      { numRuns },
    );
  });

  test("well-formed headers, per call and by default, arrive as given", async () => {
    const name = fc.stringMatching(/^x-[a-z0-9-]{1,12}$/);
    const value = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
    await fc.assert(
      fc.asyncProperty(name, value, name, value, operation, async (n1, v1, n2, v2, op) => {
        fc.pre(n1 !== n2);
        const { create, requests } = recordingClient({ defaultHeaders: { [n1]: v1 } });
        const outcome = await settle(() => call(create(), op, validIds[op], {}, { headers: { [n2]: v2 } }));
        expect(outcome).toMatchObject({ ok: true });
        expect(requests[0]?.headers).toMatchObject({ [n1]: v1, [n2]: v2 });
      }),
      { numRuns },
    );
  });

  test("a token with CR, LF or NUL is refused before any request, without showing the token", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
        crlf,
        fc.stringMatching(/^[A-Za-z0-9_-]{0,8}$/),
        operation,
        async (head, middle, tail, op) => {
          const apiToken = head + middle + tail;
          const { create, requests } = recordingClient({ apiToken });
          const outcome = await settle(() => call(create(), op, validIds[op]));
          expect(outcome.ok).toBe(false);
          if (outcome.ok) return;
          const error = expectInstance(outcome.error, RealtimeKitError);
          expect(requests).toHaveLength(0);
          expect(`${error.message}\n${error.stack}`).not.toContain(head);
        },
      ),
      { numRuns },
    );
  });
});
