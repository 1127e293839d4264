#!/usr/bin/env node
// `newest-node <script> [args]`: runs a Node script on the newest Node this repository pins (in this
// package), so that dev tools which print Node 20 end-of-life banners (Redocly, tsdown) run on a Node they
// support. Where that Node's package does not run (its `os`/`cpu`), the script runs on the Node running
// this instead. Exits with the script's exit code.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const { devDependencies } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));
const [newest] = Object.keys(devDependencies)
  .filter((name) => /^node\d+$/.test(name))
  .sort((a, b) => Number(b.slice(4)) - Number(a.slice(4)));

/** The newest pinned Node's executable, if its package fits this machine; else the Node running this. */
function executable() {
  if (!newest) return process.execPath;
  const manifestPath = require.resolve(`${newest}/package.json`);
  const { os, cpu } = JSON.parse(readFileSync(manifestPath, "utf8"));
  const fits = (allowed, value) => allowed === undefined || [allowed].flat().includes(value);
  return fits(os, process.platform) && fits(cpu, process.arch)
    ? join(dirname(manifestPath), "bin", "node")
    : process.execPath;
}

const result = spawnSync(executable(), process.argv.slice(2), { stdio: "inherit" });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
