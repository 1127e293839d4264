// A misspelt option or scripted field used to be ignored: `unknownIDs: "404"` generated every id and
// `{ stauts: 500 }` answered 200, so the test passed for the wrong reason. Each is refused where it is made.
import { describe, expect, it } from "vitest";
import { createMockCore, createMockFetch, startMockServer } from "../../src/index.js";
import { createHandlers } from "../../src/msw.js";

describe("an unknown key", () => {
  it("in a runner's options throws a TypeError naming it and the known ones", async () => {
    expect(() => createMockFetch({ unknownIDs: "404" } as never)).toThrow(
      new TypeError(
        'createMockFetch: unknown option "unknownIDs"; known: data, seed, unknownIds, scripts, rateLimit, credentials, baseURL',
      ),
    );
    expect(() => createHandlers({ sede: 1 } as never)).toThrow(/^createHandlers: unknown option "sede"/);
    expect(() => createMockCore({ baseURL: "http://localhost" } as never)).toThrow(
      /^createMockCore: unknown option "baseURL"/,
    );
    await expect(startMockServer({ prot: 8080 } as never)).rejects.toThrow(
      new TypeError(
        'startMockServer: unknown option "prot"; known: data, seed, unknownIds, scripts, rateLimit, credentials, port, host',
      ),
    );
  });

  it("accepts every documented option of each runner", async () => {
    const common = {
      data: "generated",
      seed: 1,
      unknownIds: "404",
      scripts: {},
      rateLimit: { limit: 100, windowMs: 60_000 },
      credentials: [
        "a-token",
        { token: "read-only", permitted: false },
        { email: "a@example.com", key: "k" },
      ],
    } as const;
    createMockFetch({ ...common, baseURL: "http://localhost/client/v4" });
    createHandlers({ ...common, baseURL: "https://api.cloudflare.com/client/v4" });
    createMockCore(common);
    const server = await startMockServer({ ...common, port: 0, host: "127.0.0.1" });
    await server.close();
  });

  it("in a scripted response throws a TypeError naming it, in script() and in options.scripts", () => {
    const mock = createMockFetch();
    expect(() => mock.script("getParticipantDataFromPeerId", [{ stauts: 500 } as never])).toThrow(
      new TypeError(
        'getParticipantDataFromPeerId[0]: unknown field "stauts"; known: status, headers, body, delay, hang, reset',
      ),
    );
    expect(() =>
      createMockFetch({ scripts: { getSessionParticipantDetails: [{}, { header: {} } as never] } }),
    ).toThrow(/\[1\]: unknown field "header"/);
  });
});
