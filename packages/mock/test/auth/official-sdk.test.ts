// Cloudflare's own SDK, configured with a token or with an email and Global API Key, against the mock
// server on loopback: it is accepted either way, refused when the credential is not listed (401) or lacks
// the permission (403), and with `data: "cloudflare-types"` the answer is what the SDK's types describe.
import Cloudflare from "cloudflare";
import type { SessionGetParticipantDataFromPeerIDResponse } from "cloudflare/resources/realtime-kit/sessions";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { ids } from "../helpers/api.js";

const EMAIL = "dev@example.com";
const KEY = "0123456789abcdef-fake-global-key";

let server: MockServer;
let shaped: MockServer;
beforeAll(async () => {
  const credentials = [
    "fake-sdk-token",
    { token: "fake-read-only-token", permitted: false },
    { email: EMAIL, key: KEY },
  ];
  server = await startMockServer({ credentials });
  shaped = await startMockServer({ credentials, data: "cloudflare-types" });
});
afterAll(async () => {
  await server?.close();
  await shaped?.close();
});

// Every credential is given, null where unused, so the SDK reads none of CLOUDFLARE_* from the environment.
const sdk = (
  baseURL: string,
  auth: { apiToken: string | null; apiEmail: string | null; apiKey: string | null },
) => new Cloudflare({ ...auth, userServiceKey: null, baseURL, maxRetries: 0, timeout: 5_000 });

const byToken = (token: string, baseURL = server.baseURL) =>
  sdk(baseURL, { apiToken: token, apiEmail: null, apiKey: null });
const byKey = (key: string, baseURL = server.baseURL) =>
  sdk(baseURL, { apiToken: null, apiEmail: EMAIL, apiKey: key });

const peerReport = (cf: Cloudflare) =>
  cf.realtimeKit.sessions.getParticipantDataFromPeerID(ids.peer_id, {
    account_id: ids.account_id,
    app_id: ids.app_id,
    filters: "quality_stats",
  });

describe("the official cloudflare SDK", () => {
  it("is accepted with an API token, for both operations", async () => {
    const cf = byToken("fake-sdk-token");
    const details = await cf.realtimeKit.sessions.getSessionParticipantDetails(ids.participant_id, {
      account_id: ids.account_id,
      app_id: ids.app_id,
      session_id: ids.session_id,
      include_peer_events: true,
    });
    expect(details.success).toBe(true);
    expect(details.data?.participant?.id).toBe(ids.participant_id);
    expect((await peerReport(cf)).success).toBe(true);
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer [REDACTED]");
  });

  it("is accepted with an email and a Global API Key, sent as X-Auth-Email and X-Auth-Key", async () => {
    expect((await peerReport(byKey(KEY))).success).toBe(true);
    const headers = server.requests.at(-1)?.headers ?? {};
    expect(headers["x-auth-email"]).toBe("[REDACTED]");
    expect(headers["x-auth-key"]).toBe("[REDACTED]");
    expect(headers.authorization).toBeUndefined();
  });

  it("gets AuthenticationError for an unlisted token or key, PermissionDeniedError for one without permission", async () => {
    await expect(peerReport(byToken("revoked-token"))).rejects.toBeInstanceOf(Cloudflare.AuthenticationError);
    await expect(peerReport(byKey("wrong-key"))).rejects.toBeInstanceOf(Cloudflare.AuthenticationError);
    await expect(peerReport(byToken("undefined"))).rejects.toBeInstanceOf(Cloudflare.AuthenticationError);
    const denied = await peerReport(byToken("fake-read-only-token")).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(Cloudflare.PermissionDeniedError);
    expect((denied as InstanceType<typeof Cloudflare.APIError>).status).toBe(403);
  });

  it('reads data: "cloudflare-types" with its own types: the peer under data.participant, role for preset_name', async () => {
    const body = await peerReport(byToken("fake-sdk-token", shaped.baseURL));
    expectTypeOf(body).toEqualTypeOf<SessionGetParticipantDataFromPeerIDResponse>();
    const participant = body.data?.participant;
    expectTypeOf(participant?.role).toEqualTypeOf<string | undefined>();
    expect(participant?.id).toBe(ids.peer_id);
    expect(typeof participant?.role).toBe("string");
    expect(participant).not.toHaveProperty("preset_name");
    expect(body.data).toStrictEqual({ participant });
    expect(participant?.peer_report?.quality).toBeTypeOf("object");
    expect(participant?.peer_events?.[0]?.event_name).toBe("PEER_CREATED");
  });
});
