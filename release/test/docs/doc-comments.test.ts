import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { undocumentedExports } from "../../src/doc-comments.js";
import { publishedPackages } from "../../src/paths.js";
import { scratch, writeFiles } from "../../src/scratch.js";

const libraries = publishedPackages().filter((p) => (p.manifest.exports as Record<string, unknown>)?.["."]);

describe("every public export has a doc comment a user sees in their editor", () => {
  it.each(libraries.map((p) => [p.name, p]))("%s, in dist/index.d.ts", (_name, pkg) => {
    expect(undocumentedExports(join(pkg.dir, "dist", "index.d.ts"))).toEqual([]);
  });

  it("finds an export without one", async () => {
    const dir = await scratch("doc-comments");
    try {
      await writeFiles(dir.dir, {
        "index.d.ts":
          "/** Documented. */\nexport declare const a: number;\nexport declare function b(): void;\n",
      });
      expect(undocumentedExports(join(dir.dir, "index.d.ts"))).toEqual(["b"]);
    } finally {
      await dir.dispose();
    }
  });
});
