import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oldestTypeScript, publishedPackages, repoRoot } from "../../src/paths.js";
import { readmeProblems } from "../../src/readme.js";

describe("each package README, as npm shows it", () => {
  it.each(publishedPackages().map((p) => [p.name, p.dir]))(
    "%s has install, an example, options, errors and the licence, with working links",
    (_, dir) => {
      expect(readmeProblems(readFileSync(join(dir, "README.md"), "utf8"))).toEqual([]);
    },
  );

  it("finds what a thin README lacks", () => {
    const thin = "# pkg\n\nSee [the mock](../mock/).\n\n```sh\nnpm install pkg\n```\n";
    expect(readmeProblems(thin)).toEqual([
      "no example (a ```ts, ```js or ```sh block besides the install)",
      'no "Options" (or "Commands") section',
      'no "Errors" (or "exit codes") section',
      'no "License" section',
      "the link ../mock/ is relative, and leads nowhere on npm: link the full URL",
    ]);
  });
});

// The strict consumer matrix (test/consumer) compiles with TypeScript oldestTypeScript and newer; each package
// with declarations says so in its README and in an optional peer range, and the repository README too.
describe("the supported TypeScript", () => {
  const typed = publishedPackages().filter((p) => p.folder !== "cli");

  it.each(typed.map((p) => [p.name, p]))("%s states it in an optional typescript peer range", (_, pkg) => {
    const manifest = pkg.manifest as {
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    expect(manifest.peerDependencies?.typescript).toBe(`>=${oldestTypeScript}`);
    expect(manifest.peerDependenciesMeta?.typescript?.optional).toBe(true);
  });

  it.each([...typed.map((p) => [p.name, p.dir]), ["the repository", repoRoot]])(
    "%s README names it",
    (_, dir) => {
      expect(readFileSync(join(dir, "README.md"), "utf8")).toContain(
        `TypeScript ${oldestTypeScript} or newer`,
      );
    },
  );
});
