import type { PublishedPackage } from "./paths.js";

/** `>=20`, `>=20.0` or `>=20.0.0` → `20.0.0`; anything else (`^20`, `>=20 <26`, `18 || 20`) → undefined. */
export function enginesFloor(range: unknown): string | undefined {
  const match = typeof range === "string" ? /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim()) : null;
  return match ? [match[1], match[2] ?? "0", match[3] ?? "0"].join(".") : undefined;
}

/**
 * Where a package claims a Node version the runtime matrix does not prove, as sentences: its
 * `engines.node` must be `>=` the lowest Node the matrix runs (`lowest`, e.g. `20.0.0`), and a "Node N and
 * later" (or "or newer") in its README must name that major.
 */
export function nodeClaimProblems(pkg: PublishedPackage, readme: string, lowest: string): string[] {
  const problems: string[] = [];
  const engines = (pkg.manifest.engines ?? {}) as Record<string, unknown>;
  const floor = enginesFloor(engines.node);
  const want = `>=${lowest.replace(/\.0\.0$/, "")}`;
  if (floor !== lowest) {
    problems.push(
      `${pkg.name}: engines.node is ${JSON.stringify(engines.node)} but the runtime matrix proves Node ${lowest} and up: set it to "${want}"`,
    );
  }
  const major = lowest.split(".")[0];
  for (const [claim, claimed] of readme.matchAll(
    /Node(?:\.js)? (\d+)(?:\.\d+)* (?:and later|or later|or newer)/g,
  )) {
    if (claimed !== major) {
      problems.push(`${pkg.name}: its README says "${claim}" but engines and the matrix say Node ${major}`);
    }
  }
  return problems;
}
