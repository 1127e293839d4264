import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../../src/index.js";
import { ACCOUNT, APP, client, fakeFetch, ok, PARTICIPANT, PEER, rejection, SESSION } from "../fake-fetch.js";

// Runs `call` with a client whose fetch records requests; expects a refusal naming `param` and no request.
async function refused(
  param: string,
  call: (rtk: ReturnType<typeof client>) => Promise<unknown>,
  options = {},
) {
  const { fetch } = fakeFetch(ok());
  const error = await rejection(call(client(fetch, options)));
  expect(error).toBeInstanceOf(InvalidParameterError);
  expect(error.name).toBe("InvalidParameterError");
  expect((error as InvalidParameterError).param).toBe(param);
  expect(error.message.startsWith(param)).toBe(true);
  expect(fetch).not.toHaveBeenCalled();
}

const UUID = "9F0E1D2C-3B4A-4958-8776-A5B4C3D2E1F0";
const notUUIDs = [
  "",
  "not-a-uuid",
  `${SESSION}x`,
  ` ${SESSION}`,
  `${SESSION}\n`,
  SESSION.replaceAll("-", ""),
  "g".repeat(36),
];

describe("ids that must be UUIDs", () => {
  it("accepts upper-case UUIDs", async () => {
    const { fetch } = fakeFetch(ok());
    const rtk = client(fetch);
    await rtk.sessions.getSessionParticipantDetails(UUID, { session_id: UUID });
    await rtk.sessions.getParticipantDataFromPeerId(UUID);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each(notUUIDs)("refuses session_id %j", (value) =>
    refused("session_id", (rtk) =>
      rtk.sessions.getSessionParticipantDetails(PARTICIPANT, { session_id: value }),
    ),
  );
  it.each(notUUIDs)("refuses participant_id %j", (value) =>
    refused("participant_id", (rtk) =>
      rtk.sessions.getSessionParticipantDetails(value, { session_id: SESSION }),
    ),
  );
  it.each(notUUIDs)("refuses peer_id %j", (value) =>
    refused("peer_id", (rtk) => rtk.sessions.getParticipantDataFromPeerId(value)),
  );

  it("refuses a missing session_id and non-string ids from JavaScript callers", async () => {
    await refused("session_id", (rtk) => rtk.sessions.getSessionParticipantDetails(PARTICIPANT, {} as never));
    await refused("session_id", (rtk) =>
      rtk.sessions.getSessionParticipantDetails(PARTICIPANT, undefined as never),
    );
    await refused("participant_id", (rtk) =>
      rtk.sessions.getSessionParticipantDetails(42 as never, { session_id: SESSION }),
    );
    await refused("peer_id", (rtk) => rtk.sessions.getParticipantDataFromPeerId(undefined as never));
  });
});

describe("account_id and app_id", () => {
  const bad = ["", "x".repeat(33), ".", "..", "\uD800", "a\uDC00b"];

  it.each(bad)("refuses account_id %j", (value) =>
    refused("account_id", (rtk) => rtk.sessions.getParticipantDataFromPeerId(PEER, { account_id: value })),
  );
  it.each(bad)("refuses app_id %j", (value) =>
    refused("app_id", (rtk) =>
      rtk.sessions.getSessionParticipantDetails(PARTICIPANT, { session_id: SESSION, app_id: value }),
    ),
  );

  it("counts characters, not UTF-16 units: 32 emoji fit, 33 do not", async () => {
    const { fetch } = fakeFetch(ok());
    await client(fetch).sessions.getParticipantDataFromPeerId(PEER, { app_id: "😀".repeat(32) });
    expect(fetch).toHaveBeenCalledTimes(1);
    await refused("app_id", (rtk) =>
      rtk.sessions.getParticipantDataFromPeerId(PEER, { app_id: "😀".repeat(33) }),
    );
  });

  it("accepts 1 and 32 characters", async () => {
    const { fetch } = fakeFetch(ok());
    await client(fetch).sessions.getParticipantDataFromPeerId(PEER, {
      account_id: "a",
      app_id: "b".repeat(32),
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("is an error when neither the call nor the client gives one", async () => {
    const options = { accountId: undefined, appId: undefined };
    await refused(
      "account_id",
      (rtk) => rtk.sessions.getParticipantDataFromPeerId(PEER, { app_id: APP }),
      options,
    );
    await refused(
      "app_id",
      (rtk) => rtk.sessions.getParticipantDataFromPeerId(PEER, { account_id: ACCOUNT }),
      options,
    );
  });

  it("does not fall back to the client's default when the call's value is invalid", () =>
    refused("account_id", (rtk) => rtk.sessions.getParticipantDataFromPeerId(PEER, { account_id: "" })));
});

describe("query parameters", () => {
  it.each([["unknown"], ["events", "Events"], [" events"], ["events,device_info"], [1], [null]])(
    "refuses filters %j",
    (...filters) =>
      refused("filters", (rtk) =>
        rtk.sessions.getSessionParticipantDetails(PARTICIPANT, {
          session_id: SESSION,
          filters: filters as never,
        }),
      ),
  );

  it("refuses a filter that is not a string or array", () =>
    refused("filters", (rtk) =>
      rtk.sessions.getParticipantDataFromPeerId(PEER, { filters: { events: true } as never }),
    ));

  it.each(["true", 1, null])("refuses include_peer_events %j", (value) =>
    refused("include_peer_events", (rtk) =>
      rtk.sessions.getSessionParticipantDetails(PARTICIPANT, {
        session_id: SESSION,
        include_peer_events: value as never,
      }),
    ),
  );
});

describe("call options", () => {
  const badCounts = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "5", null, 2 ** 53];

  it.each(badCounts)("refuses timeout %j", (value) =>
    refused("timeout", (rtk) =>
      rtk.sessions.getParticipantDataFromPeerId(PEER, {}, { timeout: value as never }),
    ),
  );
  it("refuses a timeout beyond what setTimeout honours", () =>
    refused("timeout", (rtk) => rtk.sessions.getParticipantDataFromPeerId(PEER, {}, { timeout: 2 ** 31 })));
  it.each([...badCounts, 11, 1000])("refuses maxRetries %j", (value) =>
    refused("maxRetries", (rtk) =>
      rtk.sessions.getParticipantDataFromPeerId(PEER, {}, { maxRetries: value as never }),
    ),
  );

  it.each(["a\r\nx-injected: 1", "a\nb", "a\rb", "a\0b", "€"])(
    "refuses a header value %j, naming the header",
    (value) =>
      refused("x-custom", (rtk) =>
        rtk.sessions.getParticipantDataFromPeerId(PEER, {}, { headers: { "x-custom": value } }),
      ),
  );

  it("refuses a header name with a line break", () =>
    refused("x-a\r\nx-b", (rtk) =>
      rtk.sessions.getParticipantDataFromPeerId(PEER, {}, { headers: { "x-a\r\nx-b": "1" } }),
    ));
});

describe("client options", () => {
  it.each([
    ["timeout", { timeout: -1 }],
    ["timeout", { timeout: 2 ** 31 }],
    ["timeout", { timeout: Number.NaN }],
    ["maxRetries", { maxRetries: 11 }],
    ["maxRetries", { maxRetries: 0.5 }],
    ["maxRetries", { maxRetries: "2" }],
    ["x-team", { defaultHeaders: { "x-team": "a\r\nb" } }],
    ["apiToken", { apiToken: "tok\nen" }],
  ])("refuses %s at construction", (param, options) => {
    const { fetch } = fakeFetch(ok());
    let error: unknown;
    try {
      client(fetch, options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).param).toBe(param);
  });

  it("accepts the bounds", async () => {
    const { fetch } = fakeFetch(ok());
    await client(fetch, { timeout: 2 ** 31 - 1, maxRetries: 10 }).sessions.getParticipantDataFromPeerId(
      PEER,
      {},
      {
        timeout: 0 + 1,
        maxRetries: 0,
      },
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
