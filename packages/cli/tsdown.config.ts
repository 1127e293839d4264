import { defineConfig } from "tsdown";

// A command, not a library: one ESM entry for Node with its shebang kept, and `fixedExtension: false`
// so the output is the dist/bin.js that package.json's `bin` names.
export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  platform: "node",
  fixedExtension: false,
  dts: false,
  sourcemap: false,
  clean: true,
  // rolldown times plugins on every build and warns when they dominate: on a loaded machine that is every
  // build, and it says nothing about this package.
  checks: { pluginTimings: false },
});
