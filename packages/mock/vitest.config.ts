import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The README's examples (examples/) import the package by name, as a consumer does: they get the built
// package (the test task builds it first), so they run what is published. The client is not a dependency
// (the types package tests against this mock, and the client depends on the types: a cycle), so its built
// package is reached by path; turbo builds it before this package's tests.
const dist = (file: string) => fileURLToPath(new URL(`./dist/${file}`, import.meta.url));
const client = fileURLToPath(new URL("../client/dist/index.js", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@realtimekit-api\/mock$/, replacement: dist("index.js") },
      { find: /^@realtimekit-api\/mock\/msw$/, replacement: dist("msw.js") },
      { find: /^@realtimekit-api\/client$/, replacement: client },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    // Thousands of generated bodies, tsdown builds and workerd start-ups take seconds on a loaded
    // 2-core machine; the limit only catches a hang.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
