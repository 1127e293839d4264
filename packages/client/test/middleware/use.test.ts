import { describe, expect, it } from "vitest";
import { type Middleware, NotFoundError } from "../../src/index.js";
import { client, details, fakeFetch, ok, PEER, rejection } from "../fake-fetch.js";

const PEER_PATH = "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}";

describe("rtk.use", () => {
  it("runs middleware once per call, above the retries", async () => {
    const { fetch } = fakeFetch({ status: 503, headers: { "retry-after-ms": "0" } }, ok());
    const rtk = client(fetch);
    const log: string[] = [];
    rtk.use({
      onRequest: ({ schemaPath }) => {
        log.push(`request ${schemaPath}`);
      },
      onResponse: ({ response }) => {
        log.push(`response ${response.status}`);
      },
    });
    await details(rtk);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(log).toEqual([
      "request /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}",
      "response 200",
    ]);
  });

  it("can change the request that is sent", async () => {
    const { fetch, requests } = fakeFetch(ok());
    const rtk = client(fetch);
    rtk.use({
      onRequest: ({ request }) => {
        request.headers.set("x-request-id", "abc");
        return request;
      },
    });
    await rtk.sessions.getParticipantDataFromPeerId(PEER);
    expect(requests[0]?.headers.get("x-request-id")).toBe("abc");
  });

  it("gets a real Request, which it can replace, when added through rtk.raw.use too", async () => {
    const { fetch, requests } = fakeFetch(ok());
    const rtk = client(fetch);
    rtk.raw.use({
      onRequest: ({ request }) => new Request(request, { headers: { "x-replaced": "yes" } }),
    });
    await rtk.sessions.getParticipantDataFromPeerId(PEER);
    expect(requests[0]?.headers.get("x-replaced")).toBe("yes");
    expect(requests[0]?.headers.get("authorization")).toMatch(/^Bearer /);
  });

  it("can replace the response, which is then parsed and judged like any other", async () => {
    const { fetch } = fakeFetch(ok());
    const rtk = client(fetch);
    const notFound: Middleware = {
      onResponse: () =>
        Response.json({ success: false, error: { code: 404, message: "gone" } }, { status: 404 }),
    };
    rtk.use(notFound);
    const error = await rejection(details(rtk));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("404 gone");
  });

  it("sees connection errors in onError, once", async () => {
    const { fetch } = fakeFetch(new TypeError("fetch failed"));
    const rtk = client(fetch, { maxRetries: 0 });
    const seen: unknown[] = [];
    rtk.use({
      onError: ({ error }) => {
        seen.push(error);
      },
    });
    const error = await rejection(details(rtk));
    expect(seen).toEqual([error]);
  });

  it("applies to raw calls too", async () => {
    const { fetch } = fakeFetch(ok());
    const rtk = client(fetch);
    const paths: string[] = [];
    rtk.use({
      onRequest: ({ schemaPath }) => {
        paths.push(schemaPath);
      },
    });
    await rtk.raw.GET(PEER_PATH, { params: { path: { account_id: "a", app_id: "b", peer_id: PEER } } });
    expect(paths).toEqual([PEER_PATH]);
  });
});
