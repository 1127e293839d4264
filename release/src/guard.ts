import type { Changeset } from "./changesets.js";

/** What the guard decides on; `gatherChanges` and `checkFixtures` collect it from a repository. */
export interface GuardInput {
  /** The published packages: npm name and folder under `packages/`. */
  packages: readonly { name: string; folder: string }[];
  /** Repo-relative paths changed since the base (or, with no base, in the working tree). */
  changedFiles: readonly string[];
  /** Changesets added, edited or consumed (by `changeset version`) since the base. */
  newChangesets: readonly Changeset[];
  /** Every changeset in `.changeset/` now: the next release. */
  pendingChangesets: readonly Changeset[];
  /** npm name → why code written against the package no longer compiles or runs (consumer fixtures). */
  fixtureProblems: ReadonlyMap<string, readonly string[]>;
}

/** The guard's verdict: it passes when `problems` is empty. */
export interface GuardResult {
  problems: string[];
  notes: string[];
}

/** The types package, whose version must move whenever the spec does. */
export const typesPackage = "@realtimekit-api/types";

/**
 * Files of a package that a consumer can notice when they change: its sources, manifest, README, licence
 * and build config. Tests and test config are not published.
 */
export const isPublishedInput = (pathInPackage: string): boolean =>
  /^(src\/|package\.json$|README\.md$|LICENSE$|tsdown\.config\.[cm]?[jt]s$|tsconfig[^/]*\.json$)/.test(
    pathInPackage,
  ) && !/\.test(-d)?\.ts$/.test(pathInPackage);

const list = (paths: readonly string[]) =>
  paths.length > 3 ? `${paths.slice(0, 3).join(", ")} and ${paths.length - 3} more` : paths.join(", ");

/**
 * The rules of CONTRIBUTING.md's "Changesets" section:
 * 1. a change under `spec/` comes with a changeset that moves the types package;
 * 2. a change a consumer can notice under `packages/<p>/` comes with a changeset naming `<p>`, or an
 *    explicit empty one (`pnpm changeset --empty`);
 * 3. a package whose consumer fixtures no longer compile (or run) is released as a major, so a pending
 *    changeset must give it `major`.
 */
export function evaluateGuard(input: GuardInput): GuardResult {
  const problems: string[] = [];
  const notes: string[] = [];
  const bumps = (changesets: readonly Changeset[], name: string) =>
    changesets.filter((c) => {
      const bump = c.releases[name];
      return bump !== undefined && bump !== "none";
    });

  const specChanges = input.changedFiles.filter((f) => f.startsWith("spec/"));
  if (specChanges.length > 0 && bumps(input.newChangesets, typesPackage).length === 0) {
    problems.push(
      `spec/ changed (${list(specChanges)}) but no new changeset moves ${typesPackage}, whose version ` +
        `must follow the spec. Fix: \`pnpm changeset\`, pick ${typesPackage} (and every package whose ` +
        "types change with it) and the bump CONTRIBUTING.md gives for this kind of spec change.",
    );
  }

  const empty = input.newChangesets.filter((c) => Object.keys(c.releases).length === 0);
  for (const pkg of input.packages) {
    const prefix = `packages/${pkg.folder}/`;
    const changed = input.changedFiles
      .filter((f) => f.startsWith(prefix) && isPublishedInput(f.slice(prefix.length)))
      .map((f) => f.slice(prefix.length));
    if (changed.length === 0) continue;
    if (bumps(input.newChangesets, pkg.name).length > 0) continue;
    if (empty.length > 0) {
      notes.push(`${pkg.name} changed (${list(changed)}); ${empty[0]?.file} says no release is needed.`);
      continue;
    }
    problems.push(
      `${prefix} changed (${list(changed)}) but no new changeset names ${pkg.name}. Fix: \`pnpm ` +
        `changeset\` and pick ${pkg.name}, or \`pnpm changeset --empty\` if no consumer can notice the change.`,
    );
  }

  for (const [name, found] of input.fixtureProblems) {
    if (found.length === 0) continue;
    const majors = bumps(input.pendingChangesets, name).filter((c) => c.releases[name] === "major");
    const folder = input.packages.find((p) => p.name === name)?.folder ?? name;
    if (majors.length > 0) {
      notes.push(
        `${name} breaks its consumer fixtures, as the major changeset ${majors[0]?.file} announces; ` +
          `update release/fixtures/api/${folder}/ to the new API:\n  ${found.join("\n  ")}`,
      );
      continue;
    }
    problems.push(
      `${name} breaks code that compiled against it before (release/fixtures/api/${folder}/):\n  ` +
        `${found.join("\n  ")}\nFix: keep the old API working, or, if the break is meant, \`pnpm changeset\` ` +
        `with a major bump for ${name}, and update the fixtures to the new API.`,
    );
  }
  return { problems, notes };
}
