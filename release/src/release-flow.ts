import type { Manifest } from "./tarball.js";

/** What the release flow is made of: the root manifest, `.changeset/config.json` and the packages. */
export interface ReleaseFlow {
  root: { scripts?: Record<string, string> };
  changesetConfig: { access?: string; baseBranch?: string; ignore?: string[] };
  packages: readonly { name: string; folder: string; manifest: Manifest }[];
}

/** Whether `script` runs each of `steps`, in that order. */
const stepsInOrder = (script: string | undefined, steps: readonly RegExp[]): boolean => {
  let from = 0;
  for (const step of steps) {
    const at = script?.slice(from).search(step) ?? -1;
    if (at < 0) return false;
    from += at + 1;
  }
  return true;
};

/**
 * What is wrong with the release flow CONTRIBUTING.md documents: `pnpm changeset` → `pnpm
 * version-packages` (version, regenerate, lockfile) → `pnpm release` (build, every check, then publish,
 * stopping at the first failure); public packages with provenance; internal dependencies on `workspace:`.
 */
export function releaseFlowProblems(flow: ReleaseFlow): string[] {
  const problems: string[] = [];
  const scripts = flow.root.scripts ?? {};
  if (scripts.changeset !== "changeset") problems.push('the root script "changeset" must run `changeset`');
  if (
    !stepsInOrder(scripts["version-packages"], [
      /\bchangeset version\b/,
      /\bpnpm generate\b/,
      /\bpnpm install --lockfile-only\b/,
    ])
  ) {
    problems.push(
      '"version-packages" must run `changeset version`, then `pnpm generate`, then `pnpm install --lockfile-only`',
    );
  }
  const release = scripts.release ?? "";
  if (
    !stepsInOrder(release, [/\bpnpm build\b/, /\bpnpm test\b/, /\bchangeset publish\b/]) ||
    /;|\|\|/.test(release)
  ) {
    problems.push(
      '"release" must run `pnpm build && pnpm test && changeset publish`, so a failed check stops the publish',
    );
  }
  if (!/\bcheck:changeset\b/.test(scripts.test ?? "")) problems.push('"test" must run check:changeset');

  if (flow.changesetConfig.access !== "public")
    problems.push('.changeset/config.json must set "access": "public"');
  if (flow.changesetConfig.baseBranch !== "main")
    problems.push('.changeset/config.json must set "baseBranch": "main"');
  const names = new Set(flow.packages.map((p) => p.name));
  for (const ignored of flow.changesetConfig.ignore ?? []) {
    if (names.has(ignored)) problems.push(`.changeset/config.json ignores ${ignored}, a published package`);
  }

  for (const { name, folder, manifest } of flow.packages) {
    const publishConfig = (manifest.publishConfig ?? {}) as Record<string, unknown>;
    if (publishConfig.access !== "public") problems.push(`${name}: publishConfig.access must be "public"`);
    if (publishConfig.provenance !== true) problems.push(`${name}: publishConfig.provenance must be true`);
    const repository = (manifest.repository ?? {}) as { url?: string; directory?: string };
    // npm checks a provenance statement against the repository the package names.
    if (!repository.url?.startsWith("git+https://github.com/")) {
      problems.push(`${name}: repository.url must be the GitHub repository it is published from`);
    }
    if (repository.directory !== `packages/${folder}`) {
      problems.push(`${name}: repository.directory must be packages/${folder}`);
    }
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      for (const [dependency, range] of Object.entries((manifest[field] ?? {}) as Record<string, string>)) {
        if (names.has(dependency) && !range.startsWith("workspace:")) {
          problems.push(`${name}: ${field}.${dependency} must be a workspace: range, not "${range}"`);
        }
      }
    }
  }
  return problems;
}
