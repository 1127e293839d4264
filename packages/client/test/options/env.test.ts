import { afterEach, describe, expect, it, vi } from "vitest";
import { createRealtimeKitClient, InvalidParameterError, RealtimeKitError } from "../../src/index.js";
import { fakeFetch, ok, PEER, rejection } from "../fake-fetch.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const clearEnv = () => {
  for (const name of [
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_ACCOUNT_ID",
    "REALTIMEKIT_APP_ID",
    "CLOUDFLARE_BASE_URL",
  ]) {
    vi.stubEnv(name, undefined);
  }
};

describe("environment variables", () => {
  it("supply the token, ids and base URL", async () => {
    clearEnv();
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "env-token");
    vi.stubEnv("CLOUDFLARE_ACCOUNT_ID", "env-account");
    vi.stubEnv("REALTIMEKIT_APP_ID", "env-app");
    vi.stubEnv("CLOUDFLARE_BASE_URL", "http://127.0.0.1:9/v4");
    const { fetch, requests } = fakeFetch(ok());
    await createRealtimeKitClient({ fetch }).sessions.getParticipantDataFromPeerId(PEER);
    expect(requests[0]?.url).toBe(
      `http://127.0.0.1:9/v4/accounts/env-account/realtime/kit/env-app/sessions/peer-report/${PEER}`,
    );
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer env-token");
  });

  it("lose to explicit options", async () => {
    clearEnv();
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "env-token");
    vi.stubEnv("CLOUDFLARE_ACCOUNT_ID", "env-account");
    vi.stubEnv("REALTIMEKIT_APP_ID", "env-app");
    const { fetch, requests } = fakeFetch(ok());
    await createRealtimeKitClient({
      fetch,
      apiToken: "opt-token",
      accountId: "opt-account",
      appId: "opt-app",
    }).sessions.getParticipantDataFromPeerId(PEER);
    expect(requests[0]?.url).toBe(
      `https://api.cloudflare.com/client/v4/accounts/opt-account/realtime/kit/opt-app/sessions/peer-report/${PEER}`,
    );
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer opt-token");
  });

  it("without a token anywhere, construction fails naming the option and the variable", () => {
    clearEnv();
    let error: unknown;
    try {
      createRealtimeKitClient();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect((error as Error).message).toContain("apiToken");
    expect((error as Error).message).toContain("CLOUDFLARE_API_TOKEN");
  });

  it("an empty variable counts as unset", async () => {
    clearEnv();
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "");
    expect(() => createRealtimeKitClient()).toThrow(/CLOUDFLARE_API_TOKEN/);
    vi.stubEnv("CLOUDFLARE_BASE_URL", "");
    const { fetch, requests } = fakeFetch(ok());
    await createRealtimeKitClient({
      fetch,
      apiToken: "t",
      accountId: "a",
      appId: "b",
    }).sessions.getParticipantDataFromPeerId(PEER);
    expect(requests[0]?.url.startsWith("https://api.cloudflare.com/client/v4/")).toBe(true);
  });
});

describe("where there is no process (browsers, Workers)", () => {
  it("works with explicit options", async () => {
    vi.stubGlobal("process", undefined);
    const { fetch, requests } = fakeFetch(ok());
    await createRealtimeKitClient({
      fetch,
      apiToken: "t",
      accountId: "a",
      appId: "b",
    }).sessions.getParticipantDataFromPeerId(PEER);
    vi.unstubAllGlobals();
    expect(requests[0]?.url).toBe(
      `https://api.cloudflare.com/client/v4/accounts/a/realtime/kit/b/sessions/peer-report/${PEER}`,
    );
  });

  it("still reports a missing token as a RealtimeKitError, and missing ids as InvalidParameterError", async () => {
    vi.stubGlobal("process", undefined);
    expect(() => createRealtimeKitClient()).toThrow(RealtimeKitError);
    const { fetch } = fakeFetch(ok());
    const rtk = createRealtimeKitClient({ fetch, apiToken: "t" });
    const error = await rejection(rtk.sessions.getParticipantDataFromPeerId(PEER));
    vi.unstubAllGlobals();
    expect(error).toBeInstanceOf(InvalidParameterError);
  });

  it("survives an env that throws on access (Deno without --allow-env)", () => {
    vi.stubGlobal("process", {
      get env() {
        throw new Error("PermissionDenied");
      },
    });
    expect(() => createRealtimeKitClient({ apiToken: "t" })).not.toThrow();
  });
});

describe("fetch", () => {
  it("defaults to globalThis.fetch as it is at call time, not at construction", async () => {
    clearEnv();
    const rtk = createRealtimeKitClient({ apiToken: "t", accountId: "a", appId: "b" });
    const { fetch } = fakeFetch(ok());
    vi.stubGlobal("fetch", fetch);
    await rtk.sessions.getParticipantDataFromPeerId(PEER);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("is called unbound, as browsers require of window.fetch", async () => {
    let self: unknown = "unset";
    const options = {
      apiToken: "t",
      accountId: "a",
      appId: "b",
      fetch: function (this: unknown) {
        self = this;
        return Promise.resolve(Response.json({ success: true, data: null }));
      },
    };
    await createRealtimeKitClient(options).sessions.getParticipantDataFromPeerId(PEER);
    expect(self).toBeUndefined();
  });
});
