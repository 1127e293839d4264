/**
 * `pnpm check:changeset`: a change under spec/ or packages/ comes with a changeset, and a change that
 * breaks the consumer fixtures comes with a major one. See CONTRIBUTING.md, "Changesets".
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { workspacePackageDirs } from "./fixtures.js";
import { evaluateGuard } from "./guard.js";
import { collectGuardInput } from "./guard-input.js";
import { publishedPackages, repoRoot } from "./paths.js";
import { manifestTargets } from "./tarball.js";

const packages = publishedPackages();
const unbuilt = packages.filter((p) =>
  manifestTargets(p.manifest).some(
    (target) => target.startsWith("dist/") && !existsSync(join(p.dir, target)),
  ),
);
if (unbuilt.length > 0) {
  console.error(
    `check:changeset: ${unbuilt.map((p) => `packages/${p.folder}`).join(", ")} not built. Fix: pnpm build`,
  );
  process.exit(1);
}

const { input, description, fixtures } = await collectGuardInput(repoRoot, {
  packages,
  packageDirs: workspacePackageDirs(packages),
  base: process.env.CHANGESET_BASE || undefined,
});
const { problems, notes } = evaluateGuard(input);
const relevant = input.changedFiles.filter((f) => /^(spec|packages)\//.test(f));
console.log(`check:changeset: ${description}`);
console.log(
  `check:changeset: ${relevant.length} changed path(s) under spec/ and packages/; new changesets: ${
    input.newChangesets.map((c) => c.file).join(", ") || "none"
  }; ${fixtures.length} consumer fixture(s) checked`,
);
for (const note of notes) console.log(`note: ${note}`);
for (const problem of problems) console.error(`\n✗ ${problem}`);
if (problems.length > 0) {
  console.error(`\ncheck:changeset: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log("check:changeset: ok");
