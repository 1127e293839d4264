import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packs every published package once, for the tests that check tarballs and install them.
    globalSetup: ["test/pack-tarballs.ts"],
    // Most of the work is in child processes (pnpm, npm, tsc, attw, workerd) that also wait on disk and
    // network, so two files at a time beat vitest's default of one worker on a 2-core machine.
    maxWorkers: 2,
    // Tests marked concurrent (the runtime matrix, the TypeScript settings) each start a process: two at a
    // time per file keeps a 2-core machine busy without making every process wait on the others.
    maxConcurrency: 2,
    // Those child processes on a shared 2-core machine can take seconds each.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
