import { type MockServer, startMockServer } from "@realtimekit-api/mock";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { fakeToken } from "./run-cli.js";

/**
 * A mock server for the tests of one file, its scripts and recorded requests cleared before each test,
 * and the environment that points the CLI at it with a fake token.
 */
export function useMock(): { server: () => MockServer; env: () => Record<string, string> } {
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock?.clearScripts();
    if (mock) mock.requests.length = 0;
  });
  const server = () => {
    if (!mock) throw new Error("the mock starts in beforeAll");
    return mock;
  };
  return {
    server,
    env: () => ({
      CLOUDFLARE_API_TOKEN: fakeToken,
      CLOUDFLARE_ACCOUNT_ID: "023e105f4ecef8ad9ca31a8372d0c353",
      REALTIMEKIT_APP_ID: "app_id",
      CLOUDFLARE_BASE_URL: server().baseURL,
    }),
  };
}
