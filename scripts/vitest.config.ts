import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each compile-time check builds a TypeScript program; on a shared 2-core machine that takes seconds.
    testTimeout: 60_000,
  },
});
