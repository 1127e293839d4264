// The dev tools that print a Node 20 end-of-life banner run on the newest pinned Node, so the quick start's
// output has none: a package's build (tsdown) and the spec lint (Redocly), each as its script runs it.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths.js";
import { run } from "../../src/run.js";
import { runtimes, runtimesDir } from "../../src/runtimes.js";
import { type Scratch, scratch } from "../../src/scratch.js";

const banner = /deprecat|end-of-life|no longer supported|please upgrade|PLUGIN_TIMINGS/i;

let out: Scratch;
beforeAll(async () => {
  out = await scratch("quiet-build");
});
afterAll(() => out?.dispose());

describe("dev tools on the newest pinned Node", () => {
  it("newest-node runs a script on the newest Node of the matrix", async () => {
    const newest = runtimes()
      .filter((r) => r.name.startsWith("Node "))
      .at(-1);
    const result = await run(join(runtimesDir, "newest-node.mjs"), ["-p", "process.version"], {
      cwd: repoRoot,
    });
    expect(result.stdout.trim()).toBe(`v${newest?.version}`);
    expect(result.code).toBe(0);
  });

  it("a package's build script (tsdown) prints no banner or warning", async () => {
    const result = await run(
      "pnpm",
      ["run", "--silent", "build", "--out-dir", out.dir, "--log-level", "warn"],
      {
        cwd: join(repoRoot, "packages", "types"),
        timeout: 120_000,
      },
    );
    expect(result.stdout + result.stderr).not.toMatch(banner);
    expect(result.code).toBe(0);
  });

  it("the spec lint script (Redocly) prints no banner", async () => {
    const result = await run("pnpm", ["run", "--silent", "lint:spec"], {
      cwd: join(repoRoot, "scripts"),
      timeout: 120_000,
    });
    expect(result.stdout + result.stderr).not.toMatch(banner);
    expect(result.stderr).toMatch(/Your API description is valid/);
    expect(result.code).toBe(0);
  });
});
