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
  },
  {
    // The bin is only ever run, never imported: ESM alone, no declarations.
    entry: ["src/bin.ts"],
    format: ["esm"],
    platform: "node",
    fixedExtension: false,
    dts: false,
    sourcemap: false,
  },
]);
