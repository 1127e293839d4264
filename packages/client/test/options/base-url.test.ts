import { afterEach, describe, expect, it, vi } from "vitest";
import { createRealtimeKitClient, InvalidParameterError } from "../../src/index.js";
import { fakeFetch, ok, PEER, TOKEN } from "../fake-fetch.js";

const make = (baseURL: string) => {
  const { fetch, requests } = fakeFetch(ok());
  const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: "a", appId: "b", baseURL, fetch });
  return { rtk, requests };
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("baseURL", () => {
  it.each([
    "https://api.cloudflare.com/client/v4",
    "https://example.test:8443/",
    "http://127.0.0.1:8787/client/v4",
    "http://127.1.2.3",
    "http://localhost:4010",
    "http://LOCALHOST:4010",
    "http://[::1]:4010",
  ])("accepts %s", async (baseURL) => {
    const { rtk, requests } = make(baseURL);
    await rtk.sessions.getParticipantDataFromPeerId(PEER);
    expect(requests[0]?.url.startsWith(new URL(baseURL).origin)).toBe(true);
  });

  it.each([
    "http://api.cloudflare.com/client/v4",
    "http://example.test",
    "http://127.0.0.1.example.test",
    "http://localhost.example.test",
    "http://10.0.0.1",
    "http://[::2]",
    "ftp://127.0.0.1",
    "file:///etc/passwd",
    "ws://localhost",
    "api.cloudflare.com/client/v4",
    "",
    "https://example.test/v4?x=1",
    "https://example.test/v4#top",
    "https://user:pass@example.test",
    "https://token@example.test",
    "https://:pass@example.test",
  ])("refuses %j at construction, so the token is never sent there", (baseURL) => {
    expect(() => make(baseURL)).toThrow(InvalidParameterError);
    try {
      make(baseURL);
    } catch (error) {
      expect((error as InvalidParameterError).param).toBe("baseURL");
    }
  });

  it("applies the same rule to CLOUDFLARE_BASE_URL", () => {
    vi.stubEnv("CLOUDFLARE_BASE_URL", "http://example.test");
    expect(() => createRealtimeKitClient({ apiToken: TOKEN })).toThrow(InvalidParameterError);
  });
});
