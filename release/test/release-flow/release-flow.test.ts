import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishedPackages, repoRoot } from "../../src/paths.js";
import { type ReleaseFlow, releaseFlowProblems } from "../../src/release-flow.js";

const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), "utf8"));
const current = (): ReleaseFlow => ({
  root: readJson("package.json"),
  changesetConfig: readJson(".changeset/config.json"),
  packages: publishedPackages(),
});

describe("the release flow", () => {
  it("is changeset → version-packages → release (build, checks, publish), public with provenance", () => {
    expect(releaseFlowProblems(current())).toEqual([]);
  });

  it("fails when `release` could publish without the checks", () => {
    const flow = current();
    flow.root.scripts = { ...flow.root.scripts, release: "pnpm build; changeset publish" };
    expect(releaseFlowProblems(flow)).toEqual([
      '"release" must run `pnpm build && pnpm test && changeset publish`, so a failed check stops the publish',
    ]);
  });

  it("fails on a package without provenance, or depending on a sibling by a fixed version", () => {
    const flow = current();
    const cli = flow.packages.find((p) => p.folder === "cli");
    if (!cli) throw new Error("no cli package");
    cli.manifest.publishConfig = { access: "public" };
    cli.manifest.dependencies = {
      ...(cli.manifest.dependencies as object),
      "@realtimekit-api/client": "0.0.0",
    };
    expect(releaseFlowProblems(flow)).toEqual([
      "@realtimekit-api/cli: publishConfig.provenance must be true",
      '@realtimekit-api/cli: dependencies.@realtimekit-api/client must be a workspace: range, not "0.0.0"',
    ]);
  });

  it("fails when changesets would skip a published package", () => {
    const flow = current();
    flow.changesetConfig = { ...flow.changesetConfig, ignore: ["@realtimekit-api/mock"] };
    expect(releaseFlowProblems(flow)).toEqual([
      ".changeset/config.json ignores @realtimekit-api/mock, a published package",
    ]);
  });
});
