import { createMockFetch } from "../../src/index.js";
import { adapterSuite } from "./suite.js";

adapterSuite("createMockFetch (in-process, no socket)", async (options) => {
  const mock = createMockFetch(options);
  return { mock, baseURL: mock.baseURL, fetch: mock.fetch, close: () => mock.close() };
});
