import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", drift: "src/drift/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  sourcemap: false,
  clean: true,
  // rolldown times plugins on every build and warns when they dominate: on a loaded machine that is every
  // build, and it says nothing about this package.
  checks: { pluginTimings: false },
});
