import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gatewayError, type MockServer, type RecordedRequest, startMockServer } from "../../src/index.js";
import { documentedExample, get, ids, participantPath, peerReportPath } from "../helpers/api.js";

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer({ data: "documented" });
});
afterEach(() => server.close());

const participantURL = () => `${server.baseURL}${participantPath()}`;
const peerURL = () => `${server.baseURL}${peerReportPath()}`;
const peerDocumented = () => {
  const body = documentedExample("get-participant-data-from-peer-id.json") as {
    data: Record<string, unknown>;
  };
  body.data.id = ids.peer_id;
  return body;
};

describe("a queue", () => {
  it("answers its steps in order, then normally again", async () => {
    server.script("getParticipantDataFromPeerId", [
      { status: 429, headers: { "retry-after": "1" } },
      { status: 200 },
    ]);
    const first = await get(peerURL());
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(await first.json()).toStrictEqual({
      success: false,
      error: { code: 429, message: "Too Many Requests" },
    });
    const second = await get(peerURL());
    expect(second.status).toBe(200);
    expect(await second.json()).toStrictEqual(peerDocumented());
    const third = await get(peerURL());
    expect(third.status).toBe(200);
    expect(await third.json()).toStrictEqual(peerDocumented());
  });

  it("belongs to one route only", async () => {
    server.script("getSessionParticipantDetails", [{ status: 503 }]);
    expect((await get(peerURL())).status).toBe(200);
    expect((await get(participantURL())).status).toBe(503);
  });

  it("sends a string body as it is, e.g. an HTML 502 page", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    server.script("getParticipantDataFromPeerId", [
      { status: 502, headers: { "Content-Type": "text/html" }, body: html },
    ]);
    const res = await get(peerURL());
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(await res.text()).toBe(html);
  });

  it("sends an object body as JSON, e.g. a gateway envelope", async () => {
    const body = gatewayError(971, "Please wait and consider throttling your request speed");
    server.script("getParticipantDataFromPeerId", [{ status: 429, body }]);
    const res = await get(peerURL());
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toStrictEqual(body);
  });

  it("gives a scripted 401 the gateway's envelope and other errors RealtimeKit's", async () => {
    server.script("getParticipantDataFromPeerId", [{ status: 401 }, { status: 500 }]);
    expect((await (await get(peerURL())).json()).errors).toStrictEqual([
      { code: 10000, message: "Authentication error" },
    ]);
    expect((await (await get(peerURL())).json()).error).toStrictEqual({
      code: 500,
      message: "Internal Server Error",
    });
  });

  it("is not used up by requests the mock refuses before it (401, 400)", async () => {
    server.script("getParticipantDataFromPeerId", [{ status: 418 }]);
    expect((await fetch(peerURL(), { signal: AbortSignal.timeout(5_000) })).status).toBe(401);
    expect((await get(`${server.baseURL}${peerReportPath({ peer_id: "nope" })}`)).status).toBe(400);
    expect((await get(peerURL())).status).toBe(418);
  });

  it("is replaced by a new script and removed by clearScripts", async () => {
    server.script("getParticipantDataFromPeerId", [{ status: 500 }, { status: 500 }]);
    server.script("getParticipantDataFromPeerId", [{ status: 503 }, { status: 503 }]);
    expect((await get(peerURL())).status).toBe(503);
    server.clearScripts();
    expect((await get(peerURL())).status).toBe(200);
  });

  it("can be given when the server starts", async () => {
    const started = await startMockServer({ scripts: { getSessionParticipantDetails: [{ status: 404 }] } });
    try {
      const res = await get(`${started.baseURL}${participantPath()}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toStrictEqual({ success: false, error: { code: 404, message: "Not Found" } });
    } finally {
      await started.close();
    }
  });
});

describe("a function", () => {
  it("is called with each request and answers it; undefined answers normally", async () => {
    const seen: RecordedRequest[] = [];
    server.script("getSessionParticipantDetails", (request) => {
      seen.push(request);
      return request.query.include_peer_events === "true" ? { status: 409 } : undefined;
    });
    expect((await get(`${participantURL()}?include_peer_events=true`)).status).toBe(409);
    expect((await get(participantURL())).status).toBe(200);
    expect(seen.map((r) => r.operationId)).toStrictEqual([
      "getSessionParticipantDetails",
      "getSessionParticipantDetails",
    ]);
    expect(seen[0]?.params).toStrictEqual({
      account_id: ids.account_id,
      app_id: ids.app_id,
      session_id: ids.session_id,
      participant_id: ids.participant_id,
    });
  });

  it("may be async", async () => {
    server.script("getParticipantDataFromPeerId", async () => ({ status: 504 }));
    expect((await get(peerURL())).status).toBe(504);
  });

  it("that throws makes a 500 naming the script, not a dropped connection", async () => {
    server.script("getParticipantDataFromPeerId", () => {
      throw new Error("boom");
    });
    const res = await get(peerURL());
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toMatch(/script for getParticipantDataFromPeerId failed: boom/);
  });

  it("that returns a bad status makes a 500 saying why", async () => {
    server.script("getParticipantDataFromPeerId", () => ({ status: 42 }));
    const res = await get(peerURL());
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toMatch(/status must be an integer from 200 to 599/);
  });
});

describe("timing and failures", () => {
  it("waits `delay` ms before answering", async () => {
    server.script("getParticipantDataFromPeerId", [{ delay: 200 }]);
    const start = performance.now();
    const res = await get(peerURL());
    expect(res.status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(190);
  });

  it("never answers a hung request, so the client's timeout fires", async () => {
    server.script("getParticipantDataFromPeerId", [{ hang: true }]);
    await expect(get(peerURL(), { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });

  it("ends a hung request when the server closes", async () => {
    server.script("getParticipantDataFromPeerId", [{ hang: true }]);
    // Settled into a value at once: the rejection comes during close(), before anything awaits it.
    const pending = get(peerURL()).catch((error: unknown) => error);
    await until(() => server.requests.length === 1);
    const start = performance.now();
    await server.close();
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(TypeError);
  });

  it("cancels a pending delay when the server closes", async () => {
    server.script("getParticipantDataFromPeerId", [{ delay: 60_000 }]);
    // Settled into a value at once: the rejection comes during close(), before anything awaits it.
    const pending = get(peerURL()).catch((error: unknown) => error);
    await until(() => server.requests.length === 1);
    await server.close();
    expect(await pending).toBeInstanceOf(TypeError);
  });

  it("resets the connection with `reset`", async () => {
    server.script("getParticipantDataFromPeerId", [{ reset: true }]);
    await expect(get(peerURL())).rejects.toThrow(TypeError);
    expect((await get(peerURL())).status).toBe(200);
  });

  it("answers 500 when Node refuses a scripted header", async () => {
    server.script("getParticipantDataFromPeerId", [{ headers: { "x-bad": "a\r\nb" } }]);
    const res = await get(peerURL());
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toMatch(/^realtimekit-mock: /);
  });
});

describe("a mistake in a script", () => {
  it.each([
    ["an unknown operationId", () => server.script("nope" as "getParticipantDataFromPeerId", [])],
    ["a status out of range", () => server.script("getParticipantDataFromPeerId", [{ status: 99 }])],
    ["a fractional status", () => server.script("getParticipantDataFromPeerId", [{ status: 200.5 }])],
    ["a negative delay", () => server.script("getParticipantDataFromPeerId", [{ delay: -1 }])],
    ["a delay Node cannot wait", () => server.script("getParticipantDataFromPeerId", [{ delay: 2 ** 31 }])],
    ["neither array nor function", () => server.script("getParticipantDataFromPeerId", {} as [])],
  ])("throws a TypeError for %s when scripted", (_, script) => {
    expect(script).toThrow(TypeError);
  });

  it("in startMockServer's options rejects the start", async () => {
    await expect(
      startMockServer({ scripts: { getParticipantDataFromPeerId: [{ status: 1000 }] } }),
    ).rejects.toThrow(/getParticipantDataFromPeerId\[0\]: status/);
  });
});

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
