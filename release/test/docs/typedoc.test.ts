import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseDir } from "../../src/paths.js";
import { type Scratch, scratch, writeFiles } from "../../src/scratch.js";
import { typedocProblems } from "../../src/typedoc-check.js";

const config = join(releaseDir, "typedoc.json");

let tmp: Scratch;
beforeAll(async () => {
  tmp = await scratch("typedoc");
});
afterAll(() => tmp.dispose());

describe("the API reference `pnpm docs` builds with TypeDoc", () => {
  it("converts every published library with no warning: doc comments, links", async () => {
    expect(await typedocProblems({ options: config })).toEqual([]);
  });

  it("fails on a package with an undocumented export", async () => {
    const pkg = join(tmp.dir, "undocumented");
    await writeFiles(pkg, {
      "package.json": JSON.stringify({ name: "undocumented", version: "1.0.0", type: "module" }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: { module: "NodeNext", strict: true },
        include: ["src"],
      }),
      "src/index.ts":
        "/** Documented. */\nexport const documented = 1;\nexport function undocumented(): void {}\n",
    });
    const packageOptions = JSON.parse(readFileSync(config, "utf8")).packageOptions;
    const problems = await typedocProblems({
      options: config,
      entryPoints: [pkg],
      packageOptions: { ...packageOptions, tsconfig: join(pkg, "tsconfig.json") },
    });
    expect(problems.join("\n")).toMatch(/undocumented.*does not have any documentation/);
  });
});
