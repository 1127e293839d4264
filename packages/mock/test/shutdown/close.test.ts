import { expect, it } from "vitest";
import { startMockServer } from "../../src/index.js";
import { get, peerReportPath } from "../helpers/api.js";

// The resources a server and its connections show up as. Timers are left to the test of the built
// package (a process that must exit by itself), since the test worker's own timers come and go.
const watched = ["TCPServerWrap", "TCPSocketWrap"];
const count = () => {
  const counts: Record<string, number> = Object.fromEntries(watched.map((type) => [type, 0]));
  for (const type of process.getActiveResourcesInfo())
    if (type in counts) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
};

it("leaves no server or socket behind after close(), even with hung and delayed requests", async () => {
  const before = count();
  const server = await startMockServer({
    scripts: { getParticipantDataFromPeerId: [{ status: 200 }, { hang: true }, { delay: 60_000 }] },
  });
  const url = `${server.baseURL}${peerReportPath()}`;
  expect((await get(url)).status).toBe(200);
  const hung = get(url).catch((error: unknown) => error);
  const delayed = get(url).catch((error: unknown) => error);
  while (server.requests.length < 3) await new Promise((resolve) => setImmediate(resolve));

  const during = count();
  expect(during.TCPServerWrap).toBe((before.TCPServerWrap ?? 0) + 1);
  expect(during.TCPSocketWrap).toBeGreaterThan(before.TCPSocketWrap ?? 0);

  await server.close();
  expect(await hung).toBeInstanceOf(TypeError);
  expect(await delayed).toBeInstanceOf(TypeError);
  // The server's own handle is gone as soon as close() resolves ...
  expect(count().TCPServerWrap).toBe(before.TCPServerWrap);
  // ... while fetch's end of each connection notices the close a turn or two later.
  for (let i = 0; i < 100 && count().TCPSocketWrap !== before.TCPSocketWrap; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(count().TCPSocketWrap).toBe(before.TCPSocketWrap);
});

it("resolves close() when called twice, and refuses connections after it", async () => {
  const server = await startMockServer();
  await Promise.all([server.close(), server.close()]);
  await server.close();
  await expect(get(`${server.baseURL}${peerReportPath()}`)).rejects.toThrow(TypeError);
});

it("listens on the port asked for, and rejects when it is taken, holding nothing open", async () => {
  const before = count();
  const first = await startMockServer();
  try {
    await expect(startMockServer({ port: first.port })).rejects.toMatchObject({ code: "EADDRINUSE" });
    expect(count().TCPServerWrap).toBe((before.TCPServerWrap ?? 0) + 1);
  } finally {
    await first.close();
  }
  expect(count().TCPServerWrap).toBe(before.TCPServerWrap);
  const again = await startMockServer({ port: first.port });
  expect(again.port).toBe(first.port);
  await again.close();
});
