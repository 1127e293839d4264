import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { createQuerySerializer } from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryParameterStyles } from "../../src/generated/query.js";
import { type GetSessionParticipantDetailsResponse, querySerializer } from "../../src/index.js";

describe("querySerializer writes each parameter as the spec says", () => {
  it("filters (form, explode false): one comma-separated value", () => {
    expect(querySerializer({ filters: ["device_info", "events", "quality_stats"] })).toBe(
      "filters=device_info,events,quality_stats",
    );
    expect(querySerializer({ filters: ["events"] })).toBe("filters=events");
  });

  it("include_peer_events (a boolean): its value", () => {
    expect(querySerializer({ filters: ["events"], include_peer_events: true })).toBe(
      "filters=events&include_peer_events=true",
    );
    expect(querySerializer({ include_peer_events: false })).toBe("include_peer_events=false");
  });

  it("a parameter the spec does not define: OpenAPI's default, form with explode", () => {
    expect(querySerializer({ tag: ["a", "b"], page: 2 })).toBe("tag=a&tag=b&page=2");
    expect(querySerializer({ constructor: ["a", "b"], toString: ["c", "d"] })).toBe(
      "constructor=a&constructor=b&toString=c&toString=d",
    );
  });

  it("percent-encodes names and values but not the comma between values", () => {
    expect(querySerializer({ filters: ["a,b", "c d", "é&="] })).toBe("filters=a%2Cb,c%20d,%C3%A9%26%3D");
    expect(querySerializer({ "a b": "x" })).toBe("a%20b=x");
  });

  it("leaves out undefined, null and empty lists", () => {
    expect(querySerializer({})).toBe("");
    expect(querySerializer({ filters: [], include_peer_events: undefined, x: null })).toBe("");
  });

  it("matches openapi-fetch's own serializer set to the spec's style", () => {
    const { style, explode } = queryParameterStyles.filters;
    const theirs = createQuerySerializer({ array: { style, explode } });
    const query = { filters: ["precall_network_information", "ip_information"], include_peer_events: true };
    expect(querySerializer(query)).toBe(theirs(query));
  });
});

describe("querySerializer refuses what has no form in the spec, naming it", () => {
  it.each([
    ["an object", { filters: { a: 1 } }, /query parameter "filters" must be .* \(got object\)/],
    ["a list of lists", { filters: [["events"]] }, /query parameter "filters" .* \(got object\)/],
    ["null in a list", { filters: ["events", null] }, /query parameter "filters" .* \(got null\)/],
    // A hole reads as undefined; map() would skip it and join() write it as an empty value.
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    ["a hole in a list", { filters: [, "events"] }, /query parameter "filters" .* \(got undefined\)/],
    ["a symbol", { tag: Symbol("x") }, /query parameter "tag" .* \(got symbol\)/],
  ])("%s", (_, query, message) => {
    expect(() => querySerializer(query)).toThrow(TypeError);
    expect(() => querySerializer(query)).toThrow(message);
  });

  it.each([
    // Lone surrogates have no UTF-8 form: encodeURIComponent's URIError would name nothing.
    [
      "a lone surrogate in a value",
      { filters: ["events", "\ud800"] },
      /query parameter "filters" .*lone surrogate/,
    ],
    ["a lone surrogate in a name", { "a\udc00": "x" }, /query parameter "a\\udc00" .*lone surrogate/],
  ])("%s", (_, query, message) => {
    expect(() => querySerializer(query)).toThrow(TypeError);
    expect(() => querySerializer(query)).toThrow(message);
  });

  it.each([
    ["a string", "filters=events"],
    ["a list", ["events"]],
    ["null", null],
    // Objects whose entries are not own properties: Object.entries would see none and send nothing.
    ["a URLSearchParams", new URLSearchParams({ filters: "events" })],
    ["a Map", new Map([["filters", ["events"]]])],
    ["a Date", new Date(0)],
  ])("a query that is %s", (_, query) => {
    expect(() => querySerializer(query as never)).toThrow(
      new TypeError("querySerializer: the query must be a plain object of parameters"),
    );
  });
});

describe("with a plain fetch, as for any HTTP library", () => {
  let mock: MockServer;
  beforeAll(async () => {
    // The documented examples, which the assertions below spell out.
    mock = await startMockServer({ data: "documented" });
  });
  afterAll(() => mock.close());

  it("the mock accepts what it writes for every query parameter the spec has", async () => {
    const session = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    const participant = "5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f";
    const query = querySerializer({ filters: ["device_info", "events"], include_peer_events: true });
    const res = await fetch(
      `${mock.baseURL}/accounts/my-account/realtime/kit/my-app/sessions/${session}/participants/${participant}?${query}`,
      { headers: { authorization: "Bearer fake-token" } },
    );
    expect(res.status).toBe(200);
    expect(mock.requests.at(-1)?.query).toEqual({
      filters: "device_info,events",
      include_peer_events: "true",
    });
    const body = (await res.json()) as GetSessionParticipantDetailsResponse;
    expect(body.data?.participant?.peer_events).toHaveLength(1);
  });
});
