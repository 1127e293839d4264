import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's folder, `release/`. */
export const releaseDir = fileURLToPath(new URL("..", import.meta.url));
/** The repository root. */
export const repoRoot = join(releaseDir, "..");
/** Where the consumer programs live. */
export const examplesDir = join(repoRoot, "examples");
/** The breaking-change guard's consumer fixtures, one folder per published package (by folder name). */
export const apiFixturesDir = join(releaseDir, "fixtures", "api");
/** The consumer whose browser bundle is measured. */
export const browserAppPath = join(releaseDir, "fixtures", "bundle", "app.js");
/** The workspace's TypeScript compiler, the version every check type-checks with. */
export const tscPath = join(releaseDir, "node_modules", "typescript", "bin", "tsc");
/**
 * The TypeScript compilers a strict consumer is checked with: the oldest the READMEs state (`>=5.4`, in
 * each package's optional `typescript` peer range), the workspace's own, and the newest that runs on Node 20.
 * Each is an aliased devDependency of this package (`typescript-5.4`, `typescript-7.0`).
 */
export const consumerCompilers = {
  oldest: join(releaseDir, "node_modules", "typescript-5.4", "bin", "tsc"),
  workspace: tscPath,
  newest: join(releaseDir, "node_modules", "typescript-7.0", "bin", "tsc"),
} as const;
/** The oldest TypeScript the packages support, as the READMEs and the `typescript` peer ranges state it. */
export const oldestTypeScript = "5.4";
/** The `@types/node` the workspace pins, linked into scratch consumers. */
export const nodeTypesDir = join(releaseDir, "node_modules", "@types", "node");

/** A package of `packages/` that is published to npm. */
export interface PublishedPackage {
  /** npm name, e.g. `@realtimekit-api/client`. */
  name: string;
  /** Folder name under `packages/`, e.g. `client`. */
  folder: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** Its package.json as it is in the workspace. */
  manifest: Record<string, unknown> & { name: string; version: string };
}

/** Every package under `packages/` that is not private, read afresh so a new package is checked too. */
export function publishedPackages(root = repoRoot): PublishedPackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(packagesDir, entry.name);
      let manifest: PublishedPackage["manifest"];
      try {
        manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      } catch {
        return [];
      }
      return manifest.private ? [] : [{ name: manifest.name, folder: entry.name, dir, manifest }];
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The published package in `packages/<folder>`; throws when there is none. */
export function publishedPackage(folder: string): PublishedPackage {
  const found = publishedPackages().find((p) => p.folder === folder);
  if (!found) throw new Error(`no published package in packages/${folder}`);
  return found;
}
