import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Changeset, parseChangeset, pendingChangesets } from "./changesets.js";
import { run, runOk } from "./run.js";

/** A changed path and how: added (or untracked), modified or deleted. */
export interface Change {
  status: "A" | "M" | "D";
  path: string;
}

/** What changed, against what, with the changesets that came with it. */
export interface Changes {
  /** The commit compared with; null when there is none and only the working tree is checked. */
  base: string | null;
  /** How the base was found, or why there is none. */
  description: string;
  changes: Change[];
  /** Changesets added, edited or consumed (deleted by `changeset version`) since the base. */
  newChangesets: Changeset[];
  /** Every changeset in `.changeset/` now. */
  pendingChangesets: Changeset[];
  /** Reads a file as it was at the compared commit (the base, else HEAD). */
  readBefore(path: string): Promise<string>;
}

const git = (root: string, args: string[]) => runOk("git", args, { cwd: root, timeout: 30_000 });

async function resolveBase(
  root: string,
  explicit: string | undefined,
): Promise<{ base: string | null; description: string }> {
  if (explicit) {
    const found = await run("git", ["rev-parse", "--verify", "--quiet", `${explicit}^{commit}`], {
      cwd: root,
    });
    if (found.code !== 0) throw new Error(`CHANGESET_BASE=${explicit} is not a commit of this repository`);
    return { base: found.stdout.trim(), description: `comparing with CHANGESET_BASE=${explicit}` };
  }
  const upstream = await run("git", ["rev-parse", "--verify", "--quiet", "refs/remotes/origin/main"], {
    cwd: root,
  });
  if (upstream.code !== 0) {
    return {
      base: null,
      description:
        "no origin/main here, so only uncommitted changes are checked (CHANGESET_BASE=<ref> checks commits too)",
    };
  }
  const mergeBase = await run("git", ["merge-base", "HEAD", "refs/remotes/origin/main"], { cwd: root });
  if (mergeBase.code !== 0) {
    return {
      base: null,
      description:
        "HEAD and origin/main share no commit here (a shallow clone?), so only uncommitted changes are checked; `git fetch --unshallow origin main` or CHANGESET_BASE=<ref> fixes that",
    };
  }
  const base = mergeBase.stdout.trim();
  return {
    base,
    description: `comparing with the merge-base of HEAD and origin/main (${base.slice(0, 10)})`,
  };
}

const isChangeset = (path: string) =>
  /^\.changeset\/[^/]+\.md$/.test(path) && path !== ".changeset/README.md";

/**
 * Collects what changed in the repository at `root`: since the merge-base with `origin/main` (or
 * `base`, e.g. from CHANGESET_BASE), working tree and untracked files included; with no base, only what
 * is not committed yet.
 */
export async function gatherChanges(root: string, explicitBase?: string): Promise<Changes> {
  const { base, description } = await resolveBase(root, explicitBase);
  const compared = base ?? "HEAD";
  const changes: Change[] = [];
  const diff = (await git(root, ["diff", "--name-status", "--no-renames", "-z", compared, "--"])).split("\0");
  for (let i = 0; i + 1 < diff.length; i += 2) {
    const status = diff[i]?.[0];
    changes.push({ status: status === "A" || status === "D" ? status : "M", path: diff[i + 1] as string });
  }
  for (const path of (await git(root, ["ls-files", "--others", "--exclude-standard", "-z"])).split("\0")) {
    if (path) changes.push({ status: "A", path });
  }
  const readBefore = (path: string) => git(root, ["show", `${compared}:${path}`]);
  const newChangesets: Changeset[] = [];
  for (const change of changes.filter((c) => isChangeset(c.path))) {
    const text =
      change.status === "D" ? await readBefore(change.path) : await readFile(join(root, change.path), "utf8");
    newChangesets.push(parseChangeset(change.path, text));
  }
  const changesetDir = join(root, ".changeset");
  return {
    base,
    description,
    changes,
    newChangesets,
    pendingChangesets: existsSync(changesetDir) ? await pendingChangesets(changesetDir) : [],
    readBefore,
  };
}
