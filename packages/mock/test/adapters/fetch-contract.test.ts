// What createMockFetch promises beyond the shared suite: the global fetch's calling conventions.
import { createRealtimeKitClient } from "@realtimekit-api/client";
import { describe, expect, it } from "vitest";
import { createMockFetch } from "../../src/index.js";
import { ids, participantPath, peerReportPath } from "../helpers/api.js";

const auth = { authorization: "Bearer fake-token" };

describe("createMockFetch", () => {
  it("works as the client's fetch, exactly as the README shows", async () => {
    const mock = createMockFetch();
    const client = createRealtimeKitClient({
      fetch: mock.fetch,
      baseURL: mock.baseURL,
      apiToken: "fake-token",
    });
    const body = await client.sessions.getParticipantDataFromPeerId(ids.peer_id, {
      account_id: ids.account_id,
      app_id: ids.app_id,
    });
    expect(body.data?.id).toBe(ids.peer_id);
  });

  it("takes a URL string with an init, a URL object, or a Request, as the global fetch does", async () => {
    const mock = createMockFetch();
    const url = `${mock.baseURL}${peerReportPath()}`;
    const answers = await Promise.all([
      mock.fetch(url, { headers: auth }),
      mock.fetch(new URL(url), { headers: auth }),
      mock.fetch(new Request(url, { headers: auth })),
      // init overrides the Request's fields
      mock.fetch(new Request(url), { headers: auth }),
    ]);
    const texts = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(texts).size).toBe(1);
  });

  it("rejects with a TypeError naming the URL when it is outside baseURL, recording nothing", async () => {
    const mock = createMockFetch();
    await expect(mock.fetch(`https://api.cloudflare.com/client/v4${peerReportPath()}`)).rejects.toThrow(
      /https:\/\/api\.cloudflare\.com\/client\/v4\/accounts.* is not under the mock's baseURL http:\/\/localhost\/client\/v4/,
    );
    await expect(mock.fetch("http://localhost/elsewhere")).rejects.toThrow(TypeError);
    expect(mock.requests).toEqual([]);
  });

  it("answers under the baseURL it is given", async () => {
    const mock = createMockFetch({ baseURL: "http://127.0.0.1:8787/api/" });
    expect(mock.baseURL).toBe("http://127.0.0.1:8787/api");
    const res = await mock.fetch(`${mock.baseURL}${participantPath()}`, { headers: auth });
    expect(res.status).toBe(200);
    expect(mock.requests[0]?.path).toBe(`/api${participantPath()}`);
  });

  it.each([
    ["a relative baseURL", { baseURL: "/client/v4" }, /baseURL must be an absolute URL/],
    ["a baseURL with a query", { baseURL: "http://localhost/v4?x=1" }, /no query/],
    [
      "an unknown data",
      { data: "fake" as "documented" },
      /data must be "generated", "documented" or "cloudflare-types"/,
    ],
    ["an unknown unknownIds", { unknownIds: "ignore" as "404" }, /unknownIds must be/],
    ["a seed that is not a string or number", { seed: Number.NaN }, /seed must be/],
    ["a bad script", { scripts: { getParticipantDataFromPeerId: [{ status: 42 }] } }, /status must be/],
  ])("throws a TypeError for %s", (_, options, message) => {
    expect(() => createMockFetch(options)).toThrow(message);
    expect(() => createMockFetch(options)).toThrow(TypeError);
  });

  it("rejects at once for an already-aborted signal", async () => {
    const mock = createMockFetch();
    const reason = new Error("stop");
    await expect(
      mock.fetch(`${mock.baseURL}${peerReportPath()}`, { headers: auth, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });

  it("ends a hung or delayed answer with a TypeError on close(), and answers normally after it", async () => {
    const mock = createMockFetch({
      scripts: { getParticipantDataFromPeerId: [{ hang: true }, { delay: 60_000 }] },
    });
    const url = `${mock.baseURL}${peerReportPath()}`;
    const hung = mock.fetch(url, { headers: auth }).catch((error: unknown) => error);
    const delayed = mock.fetch(url, { headers: auth }).catch((error: unknown) => error);
    while (mock.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    mock.close();
    expect(await hung).toBeInstanceOf(TypeError);
    expect(await delayed).toBeInstanceOf(TypeError);
    expect((await mock.fetch(url, { headers: auth })).status).toBe(200);
  });

  it("fails a scripted header the Fetch API refuses with a 500 saying so", async () => {
    const mock = createMockFetch({
      scripts: { getParticipantDataFromPeerId: [{ headers: { "x-bad": "a\r\nb" } }] },
    });
    const res = await mock.fetch(`${mock.baseURL}${peerReportPath()}`, { headers: auth });
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toMatch(/^realtimekit-mock: /);
  });
});
