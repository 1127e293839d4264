// Each method takes its documented parameters object or nothing, and only the keys the spec lists for its
// operation; each call and each client takes only the options it has. Everything else is refused before any
// request, naming the key and what the call does take.
import { describe, expect, it } from "vitest";
import { createRealtimeKitClient, InvalidParameterError } from "../../src/index.js";
import { client, fakeFetch, ok, PARTICIPANT, PEER, rejection, SESSION, TOKEN } from "../fake-fetch.js";

type Rtk = ReturnType<typeof client>;

async function refusal(call: (rtk: Rtk) => Promise<unknown>): Promise<InvalidParameterError> {
  const { fetch } = fakeFetch(ok());
  const error = await rejection(call(client(fetch)));
  expect(error).toBeInstanceOf(InvalidParameterError);
  expect(fetch).not.toHaveBeenCalled();
  return error as InvalidParameterError;
}

const peer = (rtk: Rtk, params: unknown, options?: unknown) =>
  rtk.sessions.getParticipantDataFromPeerId(PEER, params as never, options as never);
const details = (rtk: Rtk, params: unknown, options?: unknown) =>
  rtk.sessions.getSessionParticipantDetails(PARTICIPANT, params as never, options as never);

const peerParams = "they are account_id, app_id, filters";
const detailsParams = "they are account_id, app_id, session_id, filters, include_peer_events";

describe("the issue's examples", () => {
  it('refuses a filter given in place of the parameters: getParticipantDataFromPeerId(id, "quality_stats")', async () => {
    const error = await refusal((rtk) => peer(rtk, "quality_stats"));
    expect(error.param).toBe("params");
    expect(error.message).toBe(
      'params must be { filters: "quality_stats" }, an object of getParticipantDataFromPeerId\'s parameters (account_id, app_id, filters), not a string',
    );
  });

  it("refuses include_peer_events on the peer report, whose spec has no such parameter", async () => {
    const error = await refusal((rtk) => peer(rtk, { include_peer_events: true }));
    expect(error.param).toBe("include_peer_events");
    expect(error.message).toBe(
      `include_peer_events is not one of getParticipantDataFromPeerId's parameters: ${peerParams}`,
    );
  });

  it('refuses the typo { filter: "events" }, with the name it meant', async () => {
    const onPeer = await refusal((rtk) => peer(rtk, { filter: "events" }));
    expect(onPeer.param).toBe("filter");
    expect(onPeer.message).toBe(
      `filter is not one of getParticipantDataFromPeerId's parameters: ${peerParams}; did you mean filters?`,
    );
    const onDetails = await refusal((rtk) => details(rtk, { session_id: SESSION, filter: "events" }));
    expect(onDetails.message).toBe(
      `filter is not one of getSessionParticipantDetails's parameters: ${detailsParams}; did you mean filters?`,
    );
  });
});

describe("parameters that are not the operation's object", () => {
  class Query {
    filters = "events";
  }
  it.each([
    ["an array", ["events"], "an array"],
    ["a Map", new Map([["filters", "events"]]), "a Map"],
    ["a class instance", new Query(), "a Query"],
    ["null", null, "null"],
    ["a number", 1, "a number"],
    ["a boolean", true, "a boolean"],
    ["an object inheriting its keys", Object.create({ filters: "events" }), "an object of another kind"],
    ["a URLSearchParams", new URLSearchParams("filters=events"), "a URLSearchParams"],
  ])("refuses %s as the peer report's parameters", async (_, value, what) => {
    const error = await refusal((rtk) => peer(rtk, value));
    expect(error.param).toBe("params");
    expect(error.message).toMatch(/^params must be an object of getParticipantDataFromPeerId's parameters/);
    expect(error.message.endsWith(`not ${what}`)).toBe(true);
  });

  it("refuses them as the participant details' parameters too", async () => {
    for (const value of ["events", ["events"], new Map(), null]) {
      const error = await refusal((rtk) => details(rtk, value));
      expect(error.param).toBe("params");
      expect(error.message).toMatch(
        /^params must be .*an object of getSessionParticipantDetails's parameters/,
      );
    }
  });
});

describe("keys the operation does not take", () => {
  it("refuses the id that is the method's first argument, saying so", async () => {
    const error = await refusal((rtk) => peer(rtk, { peer_id: PEER }));
    expect(error.message).toBe(
      "peer_id is not one of getParticipantDataFromPeerId's parameters: it is the method's first argument",
    );
    const other = await refusal((rtk) => details(rtk, { session_id: SESSION, participant_id: PARTICIPANT }));
    expect(other.param).toBe("participant_id");
  });

  it("refuses the peer report's session_id and another operation's id", async () => {
    expect((await refusal((rtk) => peer(rtk, { session_id: SESSION }))).param).toBe("session_id");
  });

  it.each([
    ["includePeerEvents", "include_peer_events"],
    ["sessionId", "session_id"],
    ["accountId", "account_id"],
    ["app-id", "app_id"],
    ["FILTERS", "filters"],
  ])("suggests the spec's name for %s", async (key, meant) => {
    const error = await refusal((rtk) => details(rtk, { session_id: SESSION, [key]: "x" }));
    expect(error.param).toBe(key);
    expect(error.message.endsWith(`did you mean ${meant}?`)).toBe(true);
  });

  it("suggests nothing for a name far from every parameter", async () => {
    const error = await refusal((rtk) => peer(rtk, { everything: true }));
    expect(error.message).not.toContain("did you mean");
  });

  it("refuses a key with a prototype's name, from JSON as a request body would bring it", async () => {
    const polluted = JSON.parse('{"__proto__": {"filters": "events"}, "app_id": "my-app"}');
    expect((await refusal((rtk) => peer(rtk, polluted))).param).toBe("__proto__");
    expect((await refusal((rtk) => peer(rtk, { constructor: "x" }))).param).toBe("constructor");
    expect(({} as { filters?: unknown }).filters).toBeUndefined();
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "lists the operation's parameters for %s, not a value of Object.prototype",
    async (key) => {
      const given = JSON.parse(`{"${key}": {"filters": "events"}}`);
      const error = await refusal((rtk) => peer(rtk, given));
      expect(error.message).toBe(
        `${key} is not one of getParticipantDataFromPeerId's parameters: ${peerParams}`,
      );
      const option = await refusal((rtk) => peer(rtk, {}, given));
      expect(option.message).toBe(
        `${key} is not one of a call's options: they are signal, timeout, maxRetries, headers, fetchOptions`,
      );
    },
  );

  it("refuses an unknown key even when its value is undefined", async () => {
    expect((await refusal((rtk) => peer(rtk, { include_peer_events: undefined }))).param).toBe(
      "include_peer_events",
    );
  });
});

describe("what is accepted", () => {
  it("takes undefined for every optional parameter, an object with no prototype, and no parameters", async () => {
    const { fetch, requests } = fakeFetch(ok());
    const rtk = client(fetch);
    await rtk.sessions.getParticipantDataFromPeerId(PEER, {
      filters: undefined,
      account_id: undefined,
      app_id: undefined,
    });
    await rtk.sessions.getParticipantDataFromPeerId(
      PEER,
      Object.assign(Object.create(null), { filters: "events" }),
    );
    await rtk.sessions.getParticipantDataFromPeerId(PEER);
    await rtk.sessions.getSessionParticipantDetails(PARTICIPANT, {
      session_id: SESSION,
      include_peer_events: undefined,
      filters: ["events", "device_info"] as const,
    });
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      "",
      "?filters=events",
      "",
      "?filters=events,device_info",
    ]);
  });
});

describe("a call's options", () => {
  it("refuses an unknown one, with the name it meant", async () => {
    const error = await refusal((rtk) => peer(rtk, {}, { timeOut: 5 }));
    expect(error.param).toBe("timeOut");
    expect(error.message).toBe(
      "timeOut is not one of a call's options: they are signal, timeout, maxRetries, headers, fetchOptions; did you mean timeout?",
    );
    expect((await refusal((rtk) => peer(rtk, {}, { retries: 0 }))).param).toBe("retries");
  });

  it("refuses an AbortSignal given as the options, which would otherwise never abort the call", async () => {
    const error = await refusal((rtk) => peer(rtk, {}, new AbortController().signal));
    expect(error.param).toBe("options");
    expect(error.message.endsWith("not an AbortSignal")).toBe(true);
  });

  it("refuses the client's credentials given to one call", async () => {
    const error = await refusal((rtk) => peer(rtk, {}, { apiToken: "another" }));
    expect(error.message).toBe(
      "apiToken is not one of a call's options: it is an option of createRealtimeKitClient",
    );
  });

  it("refuses options given in the parameters' place of the peer report", async () => {
    expect((await refusal((rtk) => peer(rtk, { timeout: 5 }))).param).toBe("timeout");
  });
});

describe("the client's options", () => {
  const make = (options: unknown) => () =>
    createRealtimeKitClient({ apiToken: TOKEN, ...(options as object) });

  it("refuses openapi-fetch's spelling baseUrl, which would otherwise call the real API", () => {
    expect(make({ baseUrl: "http://127.0.0.1:1/client/v4" })).toThrow(
      expect.objectContaining({
        name: "InvalidParameterError",
        param: "baseUrl",
        message: expect.stringMatching(
          /^baseUrl is not one of createRealtimeKitClient's options: .*; did you mean baseURL\?$/,
        ),
      }),
    );
  });

  it.each(["token", "retries", "session_id", "logLevels"])("refuses %s", (key) => {
    expect(make({ [key]: 1 })).toThrow(expect.objectContaining({ param: key }));
  });

  it("refuses options that are not an object", () => {
    for (const options of ["x", ["apiToken"], new Map([["apiToken", TOKEN]])]) {
      expect(() => createRealtimeKitClient(options as never)).toThrow(
        expect.objectContaining({ param: "options" }),
      );
    }
  });
});
