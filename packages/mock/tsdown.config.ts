import { defineConfig } from "tsdown";

// `fixedExtension: false` keeps the `.js`/`.cjs` names that package.json's `exports` and `bin` point at.
// Three library entries: `index` (Node: everything, the node:http server included), `portable` (the same
// without the server, which the `workerd`/`worker`/`browser` conditions pick) and `msw`. Platform neutral,
// so a Node built-in can only come from the one file that imports it (server.ts).
export default defineConfig([
  {
    entry: ["src/index.ts", "src/portable.ts", "src/msw.ts"],
    format: ["esm", "cjs"],
    platform: "neutral",
    external: [/^node:/, "msw"],
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
