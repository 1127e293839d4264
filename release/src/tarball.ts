import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, posix, relative } from "node:path";
import { runOk } from "./run.js";

/** A package.json, as much of it as the checks read. */
export type Manifest = Record<string, unknown> & { name: string; version: string };

/** An unpacked tarball. */
export interface Tarball {
  /** The .tgz file. */
  path: string;
  /** The unpacked `package/` folder. */
  root: string;
  /** Every file in it, relative to `root`, with `/` separators, sorted. */
  files: string[];
  /** Its package.json. */
  manifest: Manifest;
}

/** Packs a workspace package with `pnpm pack` (which turns `workspace:` ranges into versions) into `dest`. */
export async function packPackage(pkgDir: string, dest: string): Promise<string> {
  const stdout = await runOk("pnpm", ["pack", "--pack-destination", dest, "--json"], {
    cwd: pkgDir,
    timeout: 60_000,
  });
  const { filename } = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { filename: string };
  return filename;
}

/** Unpacks a .tgz into `into` (which must exist) and lists it. */
export async function unpack(tgz: string, into: string): Promise<Tarball> {
  await runOk("tar", ["-xzf", tgz, "-C", into], { cwd: into, timeout: 30_000 });
  const root = join(into, "package");
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as Manifest;
  return { path: tgz, root, files, manifest };
}

/** Packs an unpacked (and perhaps edited) `package/` folder back into a .tgz, as npm lays one out. */
export async function repack(root: string, tgz: string): Promise<void> {
  await runOk("tar", ["-czf", tgz, "-C", dirname(root), basename(root)], { cwd: dirname(root) });
}

const dependencyFields = ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"];

/** Every file path a package.json points at: `main`, `module`, `types`, `bin` and each `exports` target. */
export function manifestTargets(manifest: Manifest): string[] {
  const targets: string[] = [];
  for (const field of ["main", "module", "types", "typings"]) {
    if (typeof manifest[field] === "string") targets.push(manifest[field]);
  }
  const bin = manifest.bin;
  if (typeof bin === "string") targets.push(bin);
  else if (bin && typeof bin === "object") targets.push(...Object.values(bin).map(String));
  const walk = (node: unknown): void => {
    if (typeof node === "string") targets.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(manifest.exports);
  return [...new Set(targets.map((target) => posix.normalize(target)))];
}

/**
 * What is wrong with a tarball's contents, as sentences: a consumer must get the built code, its types,
 * README, LICENSE and package.json, and nothing else; every path the manifest names must be there; no
 * source map may point at a file left out; no `workspace:` range may survive; internal dependencies must
 * name the exact versions published with them (`versions`: name → version being published).
 */
export async function contentProblems(tarball: Tarball, versions: Map<string, string>): Promise<string[]> {
  const { files, manifest, root } = tarball;
  const problems: string[] = [];
  const has = new Set(files);
  const fix = "fix the `files` allow-list or the build config of the package";

  for (const required of ["package.json", "README.md", "LICENSE"]) {
    if (!has.has(required)) problems.push(`${required} is missing from the tarball (${fix})`);
  }
  for (const file of files) {
    if (!["package.json", "README.md", "LICENSE"].includes(file) && !file.startsWith("dist/")) {
      problems.push(`${file} is in the tarball but no consumer needs it (${fix})`);
    } else if (/(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(file)) {
      problems.push(`${file} is a test, shipped to every consumer (${fix})`);
    } else if (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) {
      problems.push(`${file} is TypeScript source, shipped to every consumer (${fix})`);
    } else if (/\.tsbuildinfo$/.test(file)) {
      problems.push(`${file} is a build cache (${fix})`);
    }
  }
  for (const target of manifestTargets(manifest)) {
    if (target.includes("*")) problems.push(`package.json exports a pattern, ${target}: list each entry`);
    else if (!has.has(target.replace(/^\.\//, ""))) {
      problems.push(`package.json points at ${target}, which is not in the tarball (${fix})`);
    }
  }

  for (const file of files.filter((f) => /\.(m?js|cjs|d\.[cm]?ts)$/.test(f))) {
    const text = await readFile(join(root, file), "utf8");
    for (const [, url] of text.matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
      if (!url || url.startsWith("data:")) continue;
      const map = posix.join(posix.dirname(file), url);
      if (!has.has(map))
        problems.push(`${file} points at the source map ${map}, which is not in the tarball`);
    }
  }
  for (const file of files.filter((f) => f.endsWith(".map"))) {
    const map = JSON.parse(await readFile(join(root, file), "utf8")) as {
      sources?: string[];
      sourcesContent?: (string | null)[];
    };
    (map.sources ?? []).forEach((source, i) => {
      const path = posix.join(posix.dirname(file), source);
      if (map.sourcesContent?.[i] == null && !has.has(path)) {
        problems.push(`${file} maps to ${path}, which is neither in the tarball nor embedded in the map`);
      }
    });
  }

  for (const field of dependencyFields) {
    const deps = (manifest[field] ?? {}) as Record<string, string>;
    for (const [name, range] of Object.entries(deps)) {
      if (/^(workspace|link|file|catalog|portal):/.test(range)) {
        problems.push(`${field}.${name} is "${range}", which npm cannot install: pack with \`pnpm pack\``);
      } else if (field !== "devDependencies" && versions.has(name) && range !== versions.get(name)) {
        problems.push(
          `${field}.${name} is "${range}" but ${versions.get(name)} is the version published with it`,
        );
      }
    }
  }

  const publishConfig = (manifest.publishConfig ?? {}) as Record<string, unknown>;
  if (publishConfig.access !== "public") problems.push("publishConfig.access must be public");
  if (publishConfig.provenance !== true) problems.push("publishConfig.provenance must be true");
  for (const field of ["license", "repository", "engines", "files", "sideEffects"]) {
    if (manifest[field] === undefined) problems.push(`package.json has no \`${field}\``);
  }
  for (const bin of typeof manifest.bin === "object" && manifest.bin ? Object.values(manifest.bin) : []) {
    const path = posix.normalize(String(bin));
    if (!has.has(path)) continue;
    const head = (await readFile(join(root, path), "utf8")).slice(0, 40);
    if (!head.startsWith("#!/usr/bin/env node"))
      problems.push(`bin ${path} does not start with a node shebang`);
  }
  return problems;
}

/** Packs every published package into `dest`; resolves to their tarballs by package name. */
export async function packAll(
  packages: readonly { name: string; dir: string }[],
  dest: string,
): Promise<Record<string, string>> {
  const paths = await Promise.all(packages.map((p) => packPackage(p.dir, dest)));
  return Object.fromEntries(packages.map((p, i) => [p.name, paths[i] as string]));
}
