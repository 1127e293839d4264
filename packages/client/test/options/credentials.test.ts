// Cloudflare's credentials as its SDK takes them: an API token (Bearer), or an email with a Global API Key
// (X-Auth-Email, X-Auth-Key), from the options or the environment; never both kinds, never half a pair.
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createRealtimeKitClient,
  InvalidParameterError,
  type RealtimeKitClient,
  RealtimeKitError,
} from "../../src/index.js";
import { ACCOUNT, APP, fakeFetch, ok, PEER, rejection } from "../fake-fetch.js";

const EMAIL = "dev@example.com";
const KEY = "fake-global-api-key-0123456789SECRET";

const variables = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY"];
const clearEnv = () => {
  for (const name of variables) vi.stubEnv(name, undefined);
};
afterEach(() => {
  vi.unstubAllEnvs();
});

const sent = async (make: (fetch: ReturnType<typeof fakeFetch>["fetch"]) => RealtimeKitClient) => {
  const { fetch, requests } = fakeFetch(ok());
  await make(fetch).sessions.getParticipantDataFromPeerId(PEER);
  const headers = requests[0]?.headers;
  return {
    authorization: headers?.get("authorization"),
    email: headers?.get("x-auth-email"),
    key: headers?.get("x-auth-key"),
  };
};

describe("an email and a Global API Key", () => {
  it("are sent as X-Auth-Email and X-Auth-Key, with no Authorization", async () => {
    clearEnv();
    const headers = await sent((fetch) =>
      createRealtimeKitClient({ apiEmail: EMAIL, apiKey: KEY, accountId: ACCOUNT, appId: APP, fetch }),
    );
    expect(headers).toEqual({ authorization: null, email: EMAIL, key: KEY });
  });

  it("come from CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY", async () => {
    clearEnv();
    vi.stubEnv("CLOUDFLARE_EMAIL", EMAIL);
    vi.stubEnv("CLOUDFLARE_API_KEY", KEY);
    const headers = await sent((fetch) => createRealtimeKitClient({ accountId: ACCOUNT, appId: APP, fetch }));
    expect(headers).toEqual({ authorization: null, email: EMAIL, key: KEY });
  });

  it("given as options, leave the environment's token unread (and the other way round)", async () => {
    clearEnv();
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "env-token");
    const pair = await sent((fetch) =>
      createRealtimeKitClient({ apiEmail: EMAIL, apiKey: KEY, accountId: ACCOUNT, appId: APP, fetch }),
    );
    expect(pair.authorization).toBeNull();
    clearEnv();
    vi.stubEnv("CLOUDFLARE_EMAIL", EMAIL);
    vi.stubEnv("CLOUDFLARE_API_KEY", KEY);
    const token = await sent((fetch) =>
      createRealtimeKitClient({ apiToken: "option-token", accountId: ACCOUNT, appId: APP, fetch }),
    );
    expect(token).toEqual({ authorization: "Bearer option-token", email: null, key: null });
  });
});

describe("refused before any call", () => {
  const refuses = (options: object, param: string, message: RegExp) => {
    const fetch = vi.fn();
    let thrown: unknown;
    try {
      createRealtimeKitClient({ ...options, fetch });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidParameterError);
    expect((thrown as InvalidParameterError).param).toBe(param);
    expect((thrown as Error).message).toMatch(message);
    expect(fetch).not.toHaveBeenCalled();
    for (const text of [(thrown as Error).message, inspect(thrown), JSON.stringify(thrown)]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("a-token");
    }
  };

  it("both kinds in the options", () => {
    clearEnv();
    refuses(
      { apiToken: "a-token", apiEmail: EMAIL, apiKey: KEY },
      "apiToken",
      /^apiToken and apiEmail are both given: .*not both$/,
    );
    refuses({ apiToken: "a-token", apiKey: KEY }, "apiToken", /^apiToken and apiKey are both given/);
  });

  it("both kinds in the environment, named by their variables", () => {
    clearEnv();
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "a-token");
    vi.stubEnv("CLOUDFLARE_EMAIL", EMAIL);
    vi.stubEnv("CLOUDFLARE_API_KEY", KEY);
    refuses({}, "CLOUDFLARE_API_TOKEN", /^CLOUDFLARE_API_TOKEN and CLOUDFLARE_EMAIL are both given/);
  });

  it("half a pair, naming the half that is missing", () => {
    clearEnv();
    refuses({ apiKey: KEY }, "apiEmail", /^apiEmail is missing: apiKey is given/);
    refuses({ apiEmail: EMAIL }, "apiKey", /^apiKey is missing: apiEmail is given/);
    vi.stubEnv("CLOUDFLARE_API_KEY", KEY);
    refuses({}, "CLOUDFLARE_EMAIL", /^CLOUDFLARE_EMAIL is missing: CLOUDFLARE_API_KEY is given/);
  });

  it("a malformed key or email, without showing it", () => {
    clearEnv();
    refuses({ apiEmail: EMAIL, apiKey: `${KEY} x` }, "apiKey", /visible ASCII/);
    refuses({ apiEmail: "not an email", apiKey: KEY }, "apiEmail", /must be an email address/);
    refuses({ apiEmail: EMAIL, apiKey: 42 }, "apiKey", /visible ASCII/);
  });

  it("no credential at all names both ways, the token first", () => {
    clearEnv();
    expect(() => createRealtimeKitClient({})).toThrow(RealtimeKitError);
    expect(() => createRealtimeKitClient({})).toThrow(
      /^Missing credentials: pass the apiToken option or set CLOUDFLARE_API_TOKEN \(preferred\), or apiEmail and apiKey/,
    );
  });
});

describe("the key never shows", () => {
  it("in an error from a server that echoes the request, nor in a log line", async () => {
    clearEnv();
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const { fetch } = fakeFetch((request) =>
      Response.json(
        {
          success: false,
          error: {
            code: 500,
            message: `${request.headers.get("x-auth-key")} ${request.headers.get("x-auth-email")}`,
          },
        },
        { status: 500, headers: { "x-echo": request.headers.get("x-auth-key") ?? "" } },
      ),
    );
    const rtk = createRealtimeKitClient({
      apiEmail: EMAIL,
      apiKey: KEY,
      accountId: ACCOUNT,
      appId: APP,
      fetch,
      maxRetries: 1,
      logLevel: "debug",
      logger: { error: log, warn: log, info: log, debug: log },
    });
    const error = await rejection(rtk.sessions.getParticipantDataFromPeerId(PEER, {}, { timeout: 1000 }));
    expect(error.message).toBe("500 [redacted] [redacted]");
    for (const text of [error.message, inspect(error, { depth: 10 }), JSON.stringify(error), ...lines]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(EMAIL);
    }
  });
});
