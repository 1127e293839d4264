import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

const exec = (file: string, args: string[], cwd = root) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(file, args, { cwd, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });

async function workspaceBins() {
  const bins: { pkg: string; name: string; target: string; published: string | undefined }[] = [];
  for (const dir of await readdir(join(root, "packages"))) {
    const manifest = JSON.parse(await readFile(join(root, "packages", dir, "package.json"), "utf8"));
    for (const [name, target] of Object.entries<string>(manifest.bin ?? {})) {
      bins.push({ pkg: dir, name, target, published: manifest.publishConfig?.bin?.[name] });
    }
  }
  return bins;
}

describe("bins in the repository", () => {
  // pnpm links a workspace package's bins at install, before any build: a bin in dist/ fails to link
  // with a warning on every fresh clone. Each bin is a committed launcher; the published one is dist/bin.js.
  it("point at committed files, and publish as dist/bin.js", async () => {
    const bins = await workspaceBins();
    expect(bins.map((b) => b.name).sort()).toEqual(["realtimekit", "realtimekit-mock"]);
    const tracked = await exec("git", ["ls-files", "packages"]);
    for (const { pkg, target, published } of bins) {
      expect(target).not.toMatch(/dist\//);
      expect(tracked.stdout.split("\n")).toContain(join("packages", pkg, target));
      expect(published).toBe("./dist/bin.js");
    }
  });

  it.each([
    ["packages/cli/bin/realtimekit.js", ["--version"], /^\d+\.\d+\.\d+/],
    ["packages/mock/bin/realtimekit-mock.js", ["--help"], /^Usage: realtimekit-mock/],
  ])("%s runs the build", async (launcher, args, output) => {
    const { code, stdout } = await exec(process.execPath, [join(root, launcher), ...args]);
    expect(stdout).toMatch(output);
    expect(code).toBe(0);
  });

  it("says to build first when there is no build", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rtk-bin-"));
    try {
      await copyFile(join(root, "packages/cli/bin/realtimekit.js"), join(dir, "realtimekit.js"));
      const { code, stderr } = await exec(process.execPath, [join(dir, "realtimekit.js"), "--help"], dir);
      expect(stderr).toBe("realtimekit: not built yet; run `pnpm build` at the repository root first.\n");
      expect(code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["realtimekit", /^Usage: realtimekit \[options\] \[command\]/],
    ["realtimekit-mock", /^Usage: realtimekit-mock/],
  ])("`pnpm exec %s --help` works at the repository root", async (name, output) => {
    const { code, stdout } = await exec("pnpm", ["exec", name, "--help"]);
    expect(stdout).toMatch(output);
    expect(code).toBe(0);
  });
});
