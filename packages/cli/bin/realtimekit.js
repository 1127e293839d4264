#!/usr/bin/env node
// The bin inside this repository. pnpm links workspace bins when it installs, before anything is built, so
// the file it links must be in git; it runs the build. Published packages name dist/bin.js directly
// (publishConfig.bin), so this file is never shipped.
import { existsSync } from "node:fs";

const built = new URL("../dist/bin.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write("realtimekit: not built yet; run `pnpm build` at the repository root first.\n");
  process.exitCode = 1;
}
