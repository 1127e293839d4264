import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts a Node process for the bin; a shared 2-core machine can take seconds for that.
    testTimeout: 30_000,
  },
});
