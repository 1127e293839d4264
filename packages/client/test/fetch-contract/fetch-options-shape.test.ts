/**
 * `fetchOptions` is a plain object of `RequestInit` fields. A newcomer who passes the dispatcher itself
 * (`fetchOptions: new ProxyAgent(url)`) instead of `{ dispatcher }` had it spread into the init: nothing
 * named `dispatcher` came of it, so every request went straight to the API, silently past the proxy.
 * Any object that is not plain (a class instance, a Map, a Headers) is now refused by name, nothing sent.
 */
import { Agent, ProxyAgent } from "undici";
import { describe, expect, test } from "vitest";
import { InvalidParameterError } from "../../src/index.js";
import { client, details, fakeFetch, rejection } from "../fake-fetch.js";

const notPlain: [string, () => object][] = [
  ["new ProxyAgent(url)", () => new ProxyAgent("http://127.0.0.1:9")],
  ["new Agent()", () => new Agent()],
  ["new Map([['dispatcher', …]])", () => new Map([["dispatcher", new Agent()]])],
  ["new Headers()", () => new Headers()],
  ["new URLSearchParams()", () => new URLSearchParams()],
];

describe("fetchOptions that are not a plain object", () => {
  test.each(notPlain)("client option %s → InvalidParameterError naming fetchOptions", (_label, make) => {
    const { fetch } = fakeFetch();
    expect(() => client(fetch, { fetchOptions: make() as never })).toThrow(InvalidParameterError);
    try {
      client(fetch, { fetchOptions: make() as never });
    } catch (error) {
      expect((error as InvalidParameterError).param).toBe("fetchOptions");
      expect((error as Error).message).toMatch(/plain object/);
    }
  });

  test.each(notPlain)("call option %s → InvalidParameterError, nothing sent", async (_label, make) => {
    const { fetch } = fakeFetch();
    const error = await rejection(details(client(fetch), { fetchOptions: make() as never }));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).param).toBe("fetchOptions");
    expect(fetch).not.toHaveBeenCalled();
  });

  test("plain objects are accepted, with or without a prototype", async () => {
    const { fetch } = fakeFetch();
    const dispatcher = new Agent();
    await details(client(fetch, { fetchOptions: { dispatcher } }));
    await details(client(fetch), { fetchOptions: Object.assign(Object.create(null), { dispatcher }) });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(
      fetch.mock.calls.every(([, init]) => (init as { dispatcher?: unknown }).dispatcher === dispatcher),
    ).toBe(true);
    await dispatcher.close();
  });
});
