/**
 * Install footprint: bytes on disk of a contender's packages and everything they depend on at run time,
 * found the way Node resolves them from each package's real path (which, under pnpm, is its folder in
 * node_modules/.pnpm). A workspace package counts what it would publish: package.json, README, LICENSE and
 * its `files`.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { benchDir } from "./contenders.js";

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  files?: string[];
}

const bytesUnder = (path: string): { bytes: number; files: number } => {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return { bytes: 0, files: 0 };
  if (!stat.isDirectory()) return { bytes: stat.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(path)) {
    // A package's own node_modules holds its dependencies, counted on their own, or a workspace's dev ones.
    if (entry === "node_modules") continue;
    const inner = bytesUnder(join(path, entry));
    bytes += inner.bytes;
    files += inner.files;
  }
  return { bytes, files };
};

/** Where `name` resolves from `dir`, as Node looks it up: node_modules folders from there upwards. */
const resolvePackage = (name: string, dir: string): string | undefined => {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
};

export interface FootprintResult {
  /** Bytes of every file, packages and dependencies together. */
  bytes: number;
  files: number;
  /** Each package counted, `name@version`. */
  packages: string[];
}

/** Adds up the packages `names`, resolved from the bench package, and their run-time dependencies. */
export const measureFootprint = (names: string[]): FootprintResult => {
  const seen = new Set<string>();
  const result: FootprintResult = { bytes: 0, files: 0, packages: [] };
  const visit = (name: string, from: string): void => {
    const dir = resolvePackage(name, from);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest & {
      version?: string;
    };
    const published = dir.includes(`${sep}node_modules${sep}`)
      ? [dir]
      : [
          "package.json",
          ...readdirSync(dir).filter((file) => /^(readme|license|licence)/i.test(file)),
          ...(manifest.files ?? []),
        ].map((file) => join(dir, file));
    for (const path of new Set(published)) {
      if (!statSync(path, { throwIfNoEntry: false })) continue;
      const { bytes, files } = bytesUnder(path);
      result.bytes += bytes;
      result.files += files;
    }
    result.packages.push(`${name}@${manifest.version}`);
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      visit(dependency, dir);
    }
  };
  for (const name of names) visit(name, benchDir);
  return result;
};
