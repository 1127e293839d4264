import { defineConfig } from "tsdown";

// Node-only package (node:http), so `platform: "node"`; `fixedExtension: false` keeps the `.js`/`.cjs`
// names that package.json's `exports` and `bin` point at.
export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    platform: "node",
    fixedExtension: false,
    dts: true,
    sourcemap: false,
    clean: true,
    // rolldown times plugins on every build and warns when they dominate: on a loaded machine that is every
    // build, and it says nothing about this package.
    checks: { pluginTimings: false },
  },
  {
    // The bin is only ever run, never imported: ESM alone, no declarations.
    entry: ["src/bin.ts"],
    format: ["esm"],
    platform: "node",
    fixedExtension: false,
    dts: false,
    sourcemap: false,
    checks: { pluginTimings: false },
  },
]);
