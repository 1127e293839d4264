import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { attwProblems, publintProblems } from "../../src/lint.js";
import { publishedPackage, publishedPackages } from "../../src/paths.js";
import { type Scratch, scratch } from "../../src/scratch.js";
import { contentProblems, type Manifest, repack, type Tarball, unpack } from "../../src/tarball.js";

const tarballs = inject("tarballs");
const packages = publishedPackages();
const versions = new Map(packages.map((p) => [p.name, p.manifest.version]));
const isLibrary = (manifest: Manifest) =>
  Boolean((manifest.exports as Record<string, unknown> | undefined)?.["."]);

let tmp: Scratch;
beforeAll(async () => {
  tmp = await scratch("packaging");
});
afterAll(() => tmp.dispose());

describe.each(packages.map((p) => [p.name, p] as const))("the %s tarball", (name, pkg) => {
  let tarball: Tarball;
  beforeAll(async () => {
    const into = join(tmp.dir, pkg.folder);
    await mkdir(into);
    tarball = await unpack(tarballs[name] as string, into);
  });

  it("holds the build, README.md, LICENSE and package.json, and nothing else", async () => {
    expect(tarball.files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
    expect(tarball.files.some((f) => f.startsWith("dist/"))).toBe(true);
    expect(await contentProblems(tarball, versions)).toEqual([]);
  });

  it("names its internal dependencies by the versions published with them, not workspace: ranges", () => {
    const manifest = JSON.stringify(tarball.manifest);
    expect(manifest).not.toMatch(/"workspace:/);
    const dependencies = (tarball.manifest.dependencies ?? {}) as Record<string, string>;
    for (const [dependency, range] of Object.entries(dependencies)) {
      if (versions.has(dependency)) expect(range).toBe(versions.get(dependency));
    }
  });

  it("is publint-clean, suggestions included", async () => {
    expect(await publintProblems(tarball.path)).toEqual([]);
  });

  it("is clean for Are the Types Wrong under node10, node16 (CJS and ESM) and bundler", async () => {
    expect(await attwProblems(tarball.path, { expectTypes: isLibrary(tarball.manifest) })).toEqual([]);
  });
});

describe("the tarball checks fail on a broken package", () => {
  const client = publishedPackage("client");
  let n = 0;
  /** Unpacks the client's tarball afresh, applies `change` to it, packs it again. */
  const brokenClient = async (change: (tarball: Tarball) => Promise<void>): Promise<Tarball> => {
    const into = join(tmp.dir, `broken-${++n}`);
    await mkdir(into);
    const tarball = await unpack(tarballs[client.name] as string, into);
    await change(tarball);
    await repack(tarball.root, join(into, "broken.tgz"));
    return unpack(join(into, "broken.tgz"), await mkdtemp(join(into, "repacked-")));
  };
  const editManifest = (tarball: Tarball, edit: (manifest: Manifest) => void) => {
    edit(tarball.manifest);
    return writeFile(join(tarball.root, "package.json"), JSON.stringify(tarball.manifest, null, 2));
  };
  type Exports = { ".": { import: { types: string; default: string }; require: Record<string, string> } };

  it("a wrong `exports` path: publint and the content check say which", async () => {
    const broken = await brokenClient((t) =>
      editManifest(t, (m) => {
        (m.exports as Exports)["."].import.default = "./dist/client.js";
      }),
    );
    expect((await publintProblems(broken.path)).join("\n")).toMatch(/FILE_DOES_NOT_EXIST.*dist\/client\.js/);
    expect(await contentProblems(broken, versions)).toEqual([
      "package.json points at dist/client.js, which is not in the tarball (fix the `files` allow-list or the build config of the package)",
    ]);
  });

  it("one ESM `types` for both conditions (no CJS types): attw and publint catch it", async () => {
    const broken = await brokenClient((t) =>
      editManifest(t, (m) => {
        m.exports = {
          ".": { types: "./dist/index.d.ts", import: "./dist/index.js", require: "./dist/index.cjs" },
          "./package.json": "./package.json",
        };
      }),
    );
    expect((await attwProblems(broken.path, { expectTypes: true })).join("\n")).toMatch(/attw FalseESM/);
    expect((await publintProblems(broken.path)).join("\n")).toMatch(
      /EXPORTS_TYPES_INVALID_FORMAT|interpreted as ESM/,
    );
  });

  it("a `types` path to a missing file: attw sees TypeScript fall back, the content check names it", async () => {
    const broken = await brokenClient((t) =>
      editManifest(t, (m) => {
        (m.exports as Exports)["."].import.types = "./dist/types.d.ts";
      }),
    );
    expect(await attwProblems(broken.path, { expectTypes: true })).toContain(
      "attw FallbackCondition at . (node16-esm)",
    );
    expect(await contentProblems(broken, versions)).toEqual([
      "package.json points at dist/types.d.ts, which is not in the tarball (fix the `files` allow-list or the build config of the package)",
    ]);
  });

  it("tests, sources and a source map to a missing file: the content check lists each", async () => {
    const broken = await brokenClient(async (t) => {
      await writeFile(join(t.root, "dist/client.test.js"), "export {};\n");
      await writeFile(join(t.root, "dist/client.ts"), "export {};\n");
      const index = join(t.root, "dist/index.js");
      await writeFile(index, `${await readFile(index, "utf8")}\n//# sourceMappingURL=index.js.map\n`);
    });
    const problems = (await contentProblems(broken, versions)).join("\n");
    expect(problems).toMatch(/dist\/client\.test\.js is a test/);
    expect(problems).toMatch(/dist\/client\.ts is TypeScript source/);
    expect(problems).toMatch(/dist\/index\.js points at the source map dist\/index\.js\.map/);
  });

  it("a `workspace:` range npm cannot install, no LICENSE, no provenance: the content check lists each", async () => {
    const broken = await brokenClient(async (t) => {
      await rm(join(t.root, "LICENSE"));
      await editManifest(t, (m) => {
        m.dependencies = { ...(m.dependencies as object), "@realtimekit-api/types": "workspace:*" };
        m.publishConfig = { access: "public" };
      });
    });
    const problems = (await contentProblems(broken, versions)).join("\n");
    expect(problems).toMatch(/LICENSE is missing/);
    expect(problems).toMatch(/dependencies\.@realtimekit-api\/types is "workspace:\*"/);
    expect(problems).toMatch(/publishConfig\.provenance must be true/);
  });
});
