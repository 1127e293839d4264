import { startMockServer } from "../../src/index.js";
import { adapterSuite } from "./suite.js";

adapterSuite("startMockServer (node:http on 127.0.0.1)", async (options) => {
  const server = await startMockServer(options);
  return {
    mock: server,
    baseURL: server.baseURL,
    fetch: (input, init) => fetch(input, { signal: AbortSignal.timeout(5_000), ...init }),
    close: () => server.close(),
  };
});
