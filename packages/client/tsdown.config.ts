import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", drift: "src/drift/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  sourcemap: false,
  clean: true,
});
