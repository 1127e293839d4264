import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary folder that `dispose()` removes with everything in it. */
export interface Scratch {
  dir: string;
  dispose(): Promise<void>;
}

/** Makes an empty temporary folder outside the repository. */
export async function scratch(prefix: string): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), `rtk-${prefix}-`));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes files (paths relative to `dir`), creating folders as needed. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/**
 * Makes `dir` a consumer project whose `node_modules` has each package linked by name, as an install
 * would leave it: `{ "@realtimekit-api/client": "/path/to/packages/client" }`.
 */
export async function linkPackages(dir: string, links: Record<string, string>): Promise<void> {
  for (const [name, target] of Object.entries(links)) {
    const at = join(dir, "node_modules", name);
    await mkdir(dirname(at), { recursive: true });
    await symlink(target, at, "dir");
  }
}

/**
 * Copies what a package publishes (package.json, dist, README, LICENSE) to `dest`, with a `node_modules`
 * link to the original's, so the copy resolves its dependencies and can be broken on purpose.
 */
export async function copyPackage(pkgDir: string, dest: string): Promise<string> {
  await mkdir(dest, { recursive: true });
  for (const entry of ["package.json", "dist", "README.md", "LICENSE"]) {
    await cp(join(pkgDir, entry), join(dest, entry), { recursive: true, force: true }).catch(() => {});
  }
  await symlink(join(pkgDir, "node_modules"), join(dest, "node_modules"), "dir");
  return dest;
}
