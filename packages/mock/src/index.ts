export * from "./portable.js";
export { type MockServer, type MockServerOptions, startMockServer } from "./server.js";
