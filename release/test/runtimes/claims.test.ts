// What the packages and the README say about runtimes is what the matrix (matrix.test.ts) runs.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enginesFloor, nodeClaimProblems } from "../../src/engines.js";
import { type PublishedPackage, publishedPackages, releaseDir, repoRoot } from "../../src/paths.js";
import { lowestNode, runtimes, runtimesTable } from "../../src/runtimes.js";

/** The table under the root README's "## Supported runtimes" heading. */
function readmeTable(readme: string): string | undefined {
  const section = /^## Supported runtimes\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? "";
  return /^\|.*\|$(?:\n^\|.*\|$)*/m.exec(section)?.[0];
}

describe("the runtime matrix", () => {
  it("runs Node 20, 22 and 24, Bun and Deno, each at an exact version", () => {
    expect(runtimes().map((r) => `${r.name} ${r.version.replace(/\d+/g, "N")}`)).toEqual([
      "Node 20 N.N.N",
      "Node 22 N.N.N",
      "Node 24 N.N.N",
      "Bun N.N.N",
      "Deno N.N.N",
    ]);
    for (const runtime of runtimes().filter((r) => r.name.startsWith("Node "))) {
      expect(runtime.version.split(".")[0], runtime.name).toBe(runtime.name.slice("Node ".length));
    }
  });

  it("leaves release/'s own scripts on the Node that runs pnpm test", () => {
    // A dependency of release/ that links a `node` bin would run vitest, tsc and every check on its Node.
    expect(existsSync(join(releaseDir, "node_modules", ".bin", "node"))).toBe(false);
    const ours = realpathSync(process.execPath);
    expect(runtimes().map((r) => realpathSync(r.executable))).not.toContain(ours);
  });

  it("is what the root README's Supported runtimes table lists, version for version", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const table = readmeTable(readme);
    const expected = runtimesTable();
    expect(table, `README.md's "## Supported runtimes" table should read:\n\n${expected}\n`).toBe(expected);
  });
});

describe("engines.node and the package READMEs", () => {
  it.each(publishedPackages())("$name claims the lowest Node the matrix runs, and no other", (pkg) => {
    const readme = readFileSync(join(pkg.dir, "README.md"), "utf8");
    expect(nodeClaimProblems(pkg, readme, lowestNode())).toEqual([]);
  });

  it("refuses an engines range or a README that claims an untested Node", () => {
    const pkg = (engines: unknown): PublishedPackage => ({
      name: "@realtimekit-api/x",
      folder: "x",
      dir: "/nowhere",
      manifest: { name: "@realtimekit-api/x", version: "1.0.0", engines: { node: engines } },
    });
    expect(nodeClaimProblems(pkg(">=20"), "Runs on Node 20 and later.", "20.0.0")).toEqual([]);
    expect(nodeClaimProblems(pkg(">=18"), "", "20.0.0")).toEqual([
      '@realtimekit-api/x: engines.node is ">=18" but the runtime matrix proves Node 20.0.0 and up: set it to ">=20"',
    ]);
    expect(nodeClaimProblems(pkg("^20 || >=22"), "", "20.0.0")).toHaveLength(1);
    expect(nodeClaimProblems(pkg(">=20.19.0"), "", "20.0.0")).toHaveLength(1);
    expect(nodeClaimProblems(pkg(">=20"), "Node 18 or newer.", "20.0.0")).toEqual([
      '@realtimekit-api/x: its README says "Node 18 or newer" but engines and the matrix say Node 20',
    ]);
    expect(enginesFloor(">= 20.1")).toBe("20.1.0");
    expect(enginesFloor(undefined)).toBeUndefined();
  });
});
