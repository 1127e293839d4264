import { createRealtimeKitClient } from "@realtimekit-api/client";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import { createHandlers } from "../../src/msw.js";
import { ids, peerReportPath } from "../helpers/api.js";
import { adapterSuite } from "./suite.js";

// MSW patches the global fetch while listening; "error" makes any request it does not handle fail the
// test rather than leave the machine.
adapterSuite("createHandlers (MSW 2 in Node, the real base URL)", async (options) => {
  const mock = createHandlers(options);
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: "error" });
  return {
    mock,
    baseURL: mock.baseURL,
    fetch: (input, init) => fetch(input, init),
    close: () => {
      mock.close();
      server.close();
    },
  };
});

describe("createHandlers with a client left at its defaults", () => {
  it("answers a client that was given no baseURL: the real API's URL, intercepted", async () => {
    const mock = createHandlers();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const client = createRealtimeKitClient({ apiToken: "fake-token", accountId: "acc", appId: "app" });
      const body = await client.sessions.getParticipantDataFromPeerId(ids.peer_id);
      expect(body.data?.id).toBe(ids.peer_id);
      expect(mock.requests[0]?.path).toBe(
        `/client/v4/accounts/acc/realtime/kit/app/sessions/peer-report/${ids.peer_id}`,
      );
    } finally {
      server.close();
    }
  });

  it("answers under another base URL when given one, and leaves other URLs to MSW", async () => {
    const mock = createHandlers({ baseURL: "https://rtk.example.test/proxy/v4/" });
    expect(mock.baseURL).toBe("https://rtk.example.test/proxy/v4");
    const server = setupServer(...mock.handlers);
    const unhandled: string[] = [];
    // Throwing refuses the request without MSW's console report.
    server.listen({
      onUnhandledRequest(request) {
        unhandled.push(request.url);
        throw new Error("unhandled");
      },
    });
    try {
      const ok = await fetch(`${mock.baseURL}${peerReportPath()}`, {
        headers: { authorization: "Bearer t" },
      });
      expect(ok.status).toBe(200);
      // MSW answers a request its callback refused with its own 500; it never reaches the network.
      const elsewhere = await fetch(`https://api.cloudflare.com/client/v4${peerReportPath()}`);
      expect([elsewhere.status, elsewhere.statusText]).toEqual([500, "Unhandled Exception"]);
      expect(unhandled).toEqual([`https://api.cloudflare.com/client/v4${peerReportPath()}`]);
      expect(mock.requests).toHaveLength(1);
    } finally {
      server.close();
    }
  });
});
