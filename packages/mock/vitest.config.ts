import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The README's examples (examples/) import the package by name, as a consumer does: they get the built
// package (the test task builds it first), so they run what is published.
const dist = (file: string) => fileURLToPath(new URL(`./dist/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@realtimekit-api\/mock$/, replacement: dist("index.js") },
      { find: /^@realtimekit-api\/mock\/msw$/, replacement: dist("msw.js") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
  },
});
