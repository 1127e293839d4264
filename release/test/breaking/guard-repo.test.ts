import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientWithRenamedMethod } from "../../src/broken.js";
import { workspacePackageDirs } from "../../src/fixtures.js";
import { gatherChanges } from "../../src/git.js";
import { evaluateGuard } from "../../src/guard.js";
import { collectGuardInput } from "../../src/guard-input.js";
import { publishedPackage, publishedPackages } from "../../src/paths.js";
import { runOk } from "../../src/run.js";
import { type Scratch, scratch, writeFiles } from "../../src/scratch.js";

// A scratch repository shaped like this one, so the guard runs on real git history, never on ours.
let repo: Scratch;
const git = (...args: string[]) =>
  runOk(
    "git",
    ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
    {
      cwd: repo.dir,
    },
  );
const write = (files: Record<string, string>) => writeFiles(repo.dir, files);
const commit = async (message: string) => {
  await git("add", "-A");
  await git("commit", "-q", "-m", message);
};
const guard = async (options: { base?: string; packageDirs?: Record<string, string> } = {}) => {
  const packages = publishedPackages(repo.dir);
  const { input, description } = await collectGuardInput(repo.dir, {
    packages,
    packageDirs: options.packageDirs ?? {},
    base: options.base,
  });
  return { ...evaluateGuard(input), description };
};

const peerFixture = `import { createRealtimeKitClient } from "@realtimekit-api/client";
export const peer = (id: string) => createRealtimeKitClient({ apiToken: "t" }).sessions.getParticipantDataFromPeerId(id);
`;

beforeEach(async () => {
  repo = await scratch("guard-repo");
  await git("init", "-q", "-b", "main");
  await write({
    "spec/openapi.yaml": "openapi: 3.1.0\n",
    "packages/types/package.json": '{ "name": "@realtimekit-api/types", "version": "1.0.0" }\n',
    "packages/client/package.json": '{ "name": "@realtimekit-api/client", "version": "1.0.0" }\n',
    "packages/client/src/client.ts": "export const a = 1;\n",
    ".changeset/README.md": "# Changesets\n",
    "README.md": "# repo\n",
  });
  await commit("base");
});
afterEach(() => repo.dispose());

describe("check:changeset on a repository", () => {
  it("with no origin/main, checks only uncommitted changes and says so", async () => {
    await write({ "packages/client/src/client.ts": "export const a = 2;\n" });
    await commit("committed, so not seen");
    expect((await guard()).problems).toEqual([]);

    await write({ "packages/client/src/retry.ts": "export const b = 1;\n" });
    const result = await guard();
    expect(result.description).toMatch(
      /no origin\/main here, so only uncommitted changes are checked.*CHANGESET_BASE/,
    );
    expect(result.problems.join()).toMatch(/packages\/client\/ changed \(src\/retry\.ts\)/);
  });

  it("compares with the merge-base of origin/main: commits since then need a changeset", async () => {
    await git("update-ref", "refs/remotes/origin/main", "HEAD");
    await write({ "packages/client/src/client.ts": "export const a = 2;\n" });
    await commit("a change on a branch");
    const failing = await guard();
    expect(failing.description).toMatch(/merge-base of HEAD and origin\/main/);
    expect(failing.problems).toHaveLength(1);

    await write({ ".changeset/fast-client.md": '---\n"@realtimekit-api/client": patch\n---\n\nFaster.\n' });
    expect((await guard()).problems).toEqual([]);
  });

  it("needs a changeset moving the types package for a spec change", async () => {
    await git("update-ref", "refs/remotes/origin/main", "HEAD");
    await write({ "spec/openapi.yaml": "openapi: 3.1.0\ninfo: {}\n", ".changeset/empty.md": "---\n---\n" });
    expect((await guard()).problems.join()).toMatch(/spec\/ changed/);
    await write({ ".changeset/spec.md": '---\n"@realtimekit-api/types": minor\n---\n\nA new field.\n' });
    expect((await guard()).problems).toEqual([]);
  });

  it("counts the changesets `changeset version` consumed, so the version commit passes", async () => {
    await write({ ".changeset/fast-client.md": '---\n"@realtimekit-api/client": patch\n---\n\nFaster.\n' });
    await commit("a change with its changeset");
    await git("update-ref", "refs/remotes/origin/main", "HEAD");
    await rm(join(repo.dir, ".changeset/fast-client.md"));
    await write({
      "packages/client/package.json": '{ "name": "@realtimekit-api/client", "version": "1.0.1" }\n',
      "packages/client/CHANGELOG.md": "# 1.0.1\n",
    });
    expect((await guard()).problems).toEqual([]);
  });

  it("takes CHANGESET_BASE over origin/main, and refuses one that is not a commit", async () => {
    const first = (await git("rev-parse", "HEAD")).trim();
    await write({ "packages/client/src/client.ts": "export const a = 2;\n" });
    await commit("second");
    await git("update-ref", "refs/remotes/origin/main", "HEAD");
    expect((await gatherChanges(repo.dir, first)).changes.map((c) => c.path)).toEqual([
      "packages/client/src/client.ts",
    ]);
    await expect(gatherChanges(repo.dir, "no-such-ref")).rejects.toThrow(/CHANGESET_BASE=no-such-ref/);
  });
});

describe("check:changeset when a change breaks a consumer fixture", () => {
  it("fails without a major changeset and passes with one, also once the fixture is rewritten", async () => {
    const client = publishedPackage("client");
    const copies = await scratch("guard-copies");
    const broken = await clientWithRenamedMethod(copies.dir);
    try {
      await write({ "release/fixtures/api/client/peer.ts": peerFixture });
      await commit("fixture");
      await git("update-ref", "refs/remotes/origin/main", "HEAD");
      const packageDirs = { ...workspacePackageDirs(), [client.name]: broken };

      // The build renamed a method the fixture calls.
      const unannounced = await guard({ packageDirs });
      expect(unannounced.problems.join()).toMatch(
        /@realtimekit-api\/client breaks code.*peer\.ts:2:\d+ Property 'getParticipantDataFromPeerId' does not exist/s,
      );

      // Rewriting the fixture to the new name does not hide the break: its old version is checked too.
      await write({
        "release/fixtures/api/client/peer.ts": peerFixture.replace(
          "getParticipantDataFromPeerId",
          "getPeerReport",
        ),
      });
      const rewritten = await guard({ packageDirs });
      expect(rewritten.problems.join()).toMatch(
        /[0-9a-f]{10}:release\/fixtures\/api\/client\/peer\.ts:2:\d+/,
      );

      await write({ ".changeset/rename.md": '---\n"@realtimekit-api/client": major\n---\n\nRenamed.\n' });
      const announced = await guard({ packageDirs });
      expect(announced.problems).toEqual([]);
      expect(announced.notes.join()).toMatch(/as the major changeset \.changeset\/rename\.md announces/);
    } finally {
      await copies.dispose();
    }
  });
});
