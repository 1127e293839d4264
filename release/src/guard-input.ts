import { checkFixtures, type Fixture, fixtureLocation, readFixtures } from "./fixtures.js";
import { gatherChanges } from "./git.js";
import type { GuardInput } from "./guard.js";
import type { PublishedPackage } from "./paths.js";

/** Options of `collectGuardInput`. */
export interface CollectOptions {
  /** The published packages of the repository. */
  packages: readonly PublishedPackage[];
  /** npm name → folder with the build the fixtures are checked against. */
  packageDirs: Record<string, string>;
  /** A commit to compare with instead of the merge-base with origin/main. */
  base?: string | undefined;
}

/**
 * Collects the guard's input from the repository at `root`: what changed since the base, the changesets,
 * and the fixtures checked against the build. Fixtures edited or deleted since the base are checked as
 * they were too, so rewriting a fixture to fit a break does not hide the break.
 */
export async function collectGuardInput(
  root: string,
  options: CollectOptions,
): Promise<{ input: GuardInput; description: string; fixtures: Fixture[] }> {
  const changes = await gatherChanges(root, options.base);
  const before = changes.base ? changes.base.slice(0, 10) : "HEAD";
  const fixtures = readFixtures([...options.packages], root);
  for (const change of changes.changes) {
    const location = change.status === "A" ? null : fixtureLocation(change.path, options.packages);
    if (location) {
      const content = await changes.readBefore(change.path);
      fixtures.push({ ...location, label: `${before}:${change.path}`, content });
    }
  }
  const fixtureProblems = await checkFixtures(fixtures, options.packageDirs);
  return {
    description: changes.description,
    fixtures,
    input: {
      packages: options.packages,
      changedFiles: changes.changes.map((c) => c.path),
      newChangesets: changes.newChangesets,
      pendingChangesets: changes.pendingChangesets,
      fixtureProblems,
    },
  };
}
