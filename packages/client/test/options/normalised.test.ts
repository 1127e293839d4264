/**
 * Options given in shapes that make no sense, or that sent malformed requests: a `baseURL` with any number
 * of trailing slashes is joined with one; a `timeout` of 0 (every attempt timed out at once) or below is
 * refused, for the client and for a call, with the range in the message.
 */
import { describe, expect, test } from "vitest";
import { InvalidParameterError } from "../../src/index.js";
import { BASE, client, details, fakeFetch, ok, rejection } from "../fake-fetch.js";

describe("baseURL: any number of trailing slashes, one join", () => {
  test.each(["", "/", "//", "///", "/////"])("…/client/v4%s → …/client/v4/accounts/…", async (slashes) => {
    const { fetch, requests } = fakeFetch(ok());
    await details(client(fetch, { baseURL: `${BASE}${slashes}` }));
    expect(new URL(requests[0]?.url ?? "").pathname).toMatch(/^\/client\/v4\/accounts\/[^/]/);
  });

  test("an origin given with slashes alone → /accounts/…", async () => {
    const { fetch, requests } = fakeFetch(ok());
    await details(client(fetch, { baseURL: "https://api.example.test//" }));
    expect(new URL(requests[0]?.url ?? "").pathname).toMatch(/^\/accounts\//);
  });
});

describe("timeout: 1 to 2147483647 milliseconds; no spelling means 'none'", () => {
  test.each([0, -1, 0.5, Number.NaN, 2 ** 31, "1000"])(
    "client timeout %s → InvalidParameterError",
    (timeout) => {
      expect(() => client(fakeFetch(ok()).fetch, { timeout: timeout as number })).toThrow(
        new InvalidParameterError("timeout", "must be an integer from 1 to 2147483647"),
      );
    },
  );

  test("a call's timeout of 0 → InvalidParameterError, nothing sent", async () => {
    const { fetch } = fakeFetch(ok());
    const error = await rejection(details(client(fetch), { timeout: 0 }));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toBe("timeout must be an integer from 1 to 2147483647");
    expect(fetch).not.toHaveBeenCalled();
  });

  test("1 ms and 2147483647 ms are accepted", async () => {
    await details(client(fakeFetch(ok()).fetch, { timeout: 2 ** 31 - 1 }));
    await details(client(fakeFetch(ok()).fetch), { timeout: 2 ** 31 - 1 });
    expect(() => client(fakeFetch(ok()).fetch, { timeout: 1 })).not.toThrow();
  });

  test.each([-1, 0.5, 2 ** 31])("maxRetryAfter %s → InvalidParameterError", (maxRetryAfter) => {
    expect(() => client(fakeFetch(ok()).fetch, { maxRetryAfter })).toThrow(
      /^maxRetryAfter must be an integer from 0/,
    );
  });
});
