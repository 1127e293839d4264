import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { apiFixturesDir, nodeTypesDir, type PublishedPackage, publishedPackages, repoRoot } from "./paths.js";
import { run } from "./run.js";
import { linkPackages, scratch, writeFiles } from "./scratch.js";

/** One consumer fixture: a TypeScript file using a package's API, or the CLI's `invocations.json`. */
export interface Fixture {
  /** npm name of the package it uses. */
  package: string;
  /** Where it came from, for messages: a repo path, or `<commit>:<path>` for an older version. */
  label: string;
  /** File name, which decides how it is checked (`.ts`, `.json`). */
  name: string;
  content: string;
}

/** The package and file name of a path under `release/fixtures/api/<folder>/`; null for any other path. */
export function fixtureLocation(
  repoPath: string,
  packages: readonly PublishedPackage[],
): { package: string; name: string } | null {
  const match = /^release\/fixtures\/api\/([^/]+)\/(.+)$/.exec(repoPath);
  const pkg = match && packages.find((p) => p.folder === match[1]);
  return match && pkg ? { package: pkg.name, name: match[2] as string } : null;
}

/** The fixtures in a working tree; a folder that names no published package is an error. */
export function readFixtures(packages = publishedPackages(), root = repoRoot): Fixture[] {
  const dir = join(root, relative(repoRoot, apiFixturesDir));
  if (!existsSync(dir)) return [];
  const fixtures: Fixture[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|json)$/.test(entry.name)) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split("\\").join("/");
    const location = fixtureLocation(path, packages);
    if (!location) throw new Error(`${path}: fixture folders are named after a folder of packages/`);
    fixtures.push({
      ...location,
      label: path,
      content: readFileSync(join(entry.parentPath, entry.name), "utf8"),
    });
  }
  return fixtures;
}

/** What a consumer compiles with: Node types, strict, and nothing of the packages' own skipped. */
const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  strict: true,
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  noEmit: true,
};

/**
 * Type-checks the TypeScript fixtures against the packages in `packageDirs` (npm name → folder with
 * package.json and dist, as the workspace or a scratch copy has them) and runs each CLI invocation with
 * `--mock`. Resolves to each package's problems; a package with none is absent.
 */
export async function checkFixtures(
  fixtures: readonly Fixture[],
  packageDirs: Record<string, string>,
): Promise<Map<string, string[]>> {
  const problems = new Map<string, string[]>();
  const report = (pkg: string, problem: string) => problems.set(pkg, [...(problems.get(pkg) ?? []), problem]);
  const project = await scratch("fixtures");
  try {
    await linkPackages(project.dir, { ...packageDirs, "@types/node": nodeTypesDir });
    const byFile = new Map<string, Fixture>();
    const files: Record<string, string> = { "package.json": '{ "type": "module" }\n' };
    fixtures.forEach((fixture, i) => {
      if (!fixture.name.endsWith(".ts")) return;
      const file = `f${i}/${fixture.name.split("/").pop()}`;
      files[file] = fixture.content;
      byFile.set(join(project.dir, file), fixture);
    });
    await writeFiles(project.dir, files);
    const program = ts.createProgram([...byFile.keys()], compilerOptions);
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const fixture = diagnostic.file && byFile.get(diagnostic.file.fileName);
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n    ");
      if (!fixture || !diagnostic.file) {
        // An error inside a package's own declarations (skipLibCheck is off) is that package's problem.
        const file = diagnostic.file ? realpathSync(diagnostic.file.fileName) : "";
        const owner = Object.entries(packageDirs).find(([, dir]) => file.startsWith(`${realpathSync(dir)}/`));
        const owners = owner ? [owner[0]] : [...new Set(fixtures.map((f) => f.package))];
        for (const pkg of owners) report(pkg, `${file ? `${relative(repoRoot, file)}: ` : ""}${text}`);
        continue;
      }
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      report(fixture.package, `${fixture.label}:${line + 1}:${character + 1} ${text}`);
    }
    for (const fixture of fixtures.filter((f) => f.name.endsWith("invocations.json"))) {
      const dir = packageDirs[fixture.package];
      if (!dir) continue;
      for (const args of JSON.parse(fixture.content) as string[][]) {
        const result = await run(process.execPath, [join(dir, "dist", "bin.js"), ...args], {
          cwd: project.dir,
          timeout: 20_000,
        });
        if (result.code !== 0) {
          report(
            fixture.package,
            `${fixture.label}: \`${args.join(" ")}\` exited ${result.code}: ${result.stderr.trim()}`,
          );
        }
      }
    }
  } finally {
    await project.dispose();
  }
  return problems;
}

/** npm name → folder of every published package in the workspace. */
export function workspacePackageDirs(packages = publishedPackages()): Record<string, string> {
  return Object.fromEntries(packages.map((p) => [p.name, p.dir]));
}
