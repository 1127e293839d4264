// Another team's view: a fresh npm project installs the tarballs, then runs the examples against the mock
// (started from its installed bin) and compiles the consumer fixtures under each module resolution.
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { installConsumer, type MockProcess, startMockBin } from "../../src/consumer.js";
import { readFixtures } from "../../src/fixtures.js";
import { ids } from "../../src/ids.js";
import { consumerCompilers, examplesDir, releaseDir, tscPath } from "../../src/paths.js";
import { codeBlocks } from "../../src/readme.js";
import { run } from "../../src/run.js";
import { type Scratch, scratch, writeFiles } from "../../src/scratch.js";

const tarballs = inject("tarballs");

let consumer: Scratch;
let mock: MockProcess;
let env: Record<string, string>;
const node = (args: string[]) => run(process.execPath, args, { cwd: consumer.dir, env, timeout: 30_000 });

beforeAll(async () => {
  consumer = await scratch("consumer");
  // @types/node as a Node service would have it, at the workspace's version.
  await installConsumer(consumer.dir, Object.values(tarballs), ["@types/node@20.19.43"]);
  mock = await startMockBin(consumer.dir);
  env = {
    CLOUDFLARE_API_TOKEN: "local-test",
    CLOUDFLARE_ACCOUNT_ID: "023e105f4ecef8ad9ca31a8372d0c353",
    REALTIMEKIT_APP_ID: "my-app",
    CLOUDFLARE_BASE_URL: mock.baseURL,
  };
  await copyFile(join(examplesDir, "node-esm", "index.mjs"), join(consumer.dir, "esm-example.mjs"));
  await copyFile(join(examplesDir, "node-cjs", "index.cjs"), join(consumer.dir, "cjs-example.cjs"));
});

afterAll(async () => {
  const exitCode = await mock?.stop();
  await consumer?.dispose();
  // The bin stops on SIGTERM with exit code 0, as its README promises.
  expect(exitCode).toBe(0);
});

describe("a Node consumer that installed the tarballs with npm", () => {
  it("gets the mock's loopback base URL from its bin", () => {
    expect(mock.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
  });

  it("imports the ESM build and calls both operations (examples/node-esm)", async () => {
    const result = await node(["esm-example.mjs", ids.session, ids.participant, ids.peer]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      `participant ${ids.participant}: display_name, 1 peer event(s)\npeer ${ids.peer}: session ${ids.session}\n`,
    );
    expect(result.code).toBe(0);
  });

  it("requires the CommonJS build and calls both operations (examples/node-cjs)", async () => {
    const result = await node(["cjs-example.cjs", ids.session, ids.participant, ids.peer]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      `participant ${ids.participant}: joined joined_at\npeer ${ids.peer}: preset preset_name\n`,
    );
    expect(result.code).toBe(0);
  });

  it("reports a refused parameter the way the examples print errors", async () => {
    const esm = await node(["esm-example.mjs", ids.session, "not-a-uuid", ids.peer]);
    expect(esm.stderr).toMatch(/^InvalidParameterError: participant_id /);
    expect(esm.code).toBe(1);
    const cjs = await node(["cjs-example.cjs", "not-a-uuid"]);
    expect(cjs.stderr).toMatch(/^bad session_id: session_id /);
    expect(cjs.code).toBe(1);
  });

  it("resolves import to dist/index.js and require to dist/index.cjs, with the same exports", async () => {
    const script = `
      const cjs = require("@realtimekit-api/client");
      import("@realtimekit-api/client").then((esm) => console.log(JSON.stringify({
        require: require.resolve("@realtimekit-api/client"),
        cjs: Object.keys(cjs).sort(),
        esm: Object.keys(esm).filter((k) => k !== "default" && k !== "module.exports").sort(),
      })));`;
    const result = await node(["-e", script]);
    expect(result.stderr).toBe("");
    const { require, cjs, esm } = JSON.parse(result.stdout);
    expect(require).toBe(join(consumer.dir, "node_modules/@realtimekit-api/client/dist/index.cjs"));
    expect(cjs).toEqual(esm);
    expect(cjs).toContain("createRealtimeKitClient");
    const resolved = await node([
      "--input-type=module",
      "-e",
      'console.log(import.meta.resolve("@realtimekit-api/client"))',
    ]);
    expect(resolved.stdout.trim()).toMatch(/node_modules\/@realtimekit-api\/client\/dist\/index\.js$/);
  });

  it("runs the client README's quick example, as shipped, against the mock", async () => {
    const readme = await readFile(
      join(consumer.dir, "node_modules/@realtimekit-api/client/README.md"),
      "utf8",
    );
    const example = codeBlocks(readme).find((b) => b.code.startsWith("// example.mjs"));
    expect(example).toBeDefined();
    await writeFiles(consumer.dir, { "readme-example.mjs": example?.code ?? "" });
    const result = await node(["readme-example.mjs"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("display_name 1\n{ foo: 'bar' }\n");
    expect(result.code).toBe(0);
  });

  it("runs the installed realtimekit CLI against its embedded mock", async () => {
    const bin = join(consumer.dir, "node_modules", ".bin", "realtimekit");
    const result = await run(bin, ["peer-report", ids.peer, "--mock", "--json"], {
      cwd: consumer.dir,
      timeout: 30_000,
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).data.id).toBe(ids.peer);
    expect(result.code).toBe(0);
  });
});

// What each consumer setting compiles: Node services with @types/node, and a front end with the DOM only.
const settings = {
  "module node16 (ESM .mts and CommonJS .cts)": {
    compilerOptions: { module: "node16", moduleResolution: "node16", types: ["node"] },
    extensions: [".mts", ".cts"],
    packages: ["types", "client", "mock"],
  },
  "moduleResolution bundler, module esnext": {
    compilerOptions: { module: "esnext", moduleResolution: "bundler", types: ["node"] },
    extensions: [".ts"],
    packages: ["types", "client", "mock"],
  },
  "legacy node10 resolution (moduleResolution node, module commonjs)": {
    compilerOptions: { module: "commonjs", moduleResolution: "node", types: ["node"] },
    extensions: [".ts"],
    packages: ["types", "client", "mock"],
  },
  "a browser app: moduleResolution bundler, module preserve, DOM types, no @types/node": {
    compilerOptions: { module: "preserve", moduleResolution: "bundler", lib: ["ES2022", "DOM"], types: [] },
    extensions: [".ts"],
    packages: ["types", "client"],
  },
};

describe.concurrent("TypeScript, strict and with skipLibCheck off, compiles the consumer fixtures under", () => {
  const fixtures = readFixtures().filter((f) => f.name.endsWith(".ts"));

  it.each(Object.entries(settings))("%s", async (title, setting) => {
    const dir = `ts-${Object.keys(settings).indexOf(title)}`;
    const files: Record<string, string> = {};
    for (const fixture of fixtures) {
      const folder = fixture.label.split("/")[3] ?? "";
      if (!setting.packages.includes(folder)) continue;
      for (const extension of setting.extensions) {
        files[`${dir}/${folder}-${fixture.name.replace(/\.ts$/, extension)}`] = fixture.content;
      }
    }
    if (setting.extensions.includes(".mts")) {
      // The types README's example, as shipped in the tarball, in the setting where top-level await works.
      const readme = await readFile(
        join(consumer.dir, "node_modules/@realtimekit-api/types/README.md"),
        "utf8",
      );
      const example = codeBlocks(readme).find((b) => b.code.startsWith("// peer.mts"));
      expect(example).toBeDefined();
      files[`${dir}/readme-peer.mts`] = example?.code ?? "";
    }
    const tsconfig = {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022"],
        strict: true,
        skipLibCheck: false,
        // TypeScript's own lib files are not the packages' business; @types/node and theirs are checked.
        skipDefaultLibCheck: true,
        noEmit: true,
        ...setting.compilerOptions,
      },
      include: ["*.ts", "*.mts", "*.cts"],
    };
    await writeFiles(consumer.dir, { ...files, [`${dir}/tsconfig.json`]: JSON.stringify(tsconfig, null, 2) });
    const result = await run(process.execPath, [tscPath, "-p", `${dir}/tsconfig.json`], {
      cwd: consumer.dir,
      timeout: 120_000,
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

// The strictest settings teams compile with, over a consumer using every method and option of the client,
// the types and the mock with optional values that may be undefined and readonly lists, under the oldest
// TypeScript the READMEs state, the workspace's and the newest that runs on Node 20.
const strictResolutions = {
  "module node16 (ESM .mts)": { module: "node16", moduleResolution: "node16", extension: ".mts" },
  "module node16 (CommonJS .cts)": { module: "node16", moduleResolution: "node16", extension: ".cts" },
  "moduleResolution bundler": { module: "esnext", moduleResolution: "bundler", extension: ".ts" },
};
const strictCases = Object.entries(consumerCompilers).flatMap(([compiler, tsc]) =>
  Object.entries(strictResolutions).map(([resolution, setting]) => ({ compiler, tsc, resolution, setting })),
);

describe.concurrent("a strict consumer (exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck off) compiles", () => {
  it.each(strictCases)(
    "with the $compiler TypeScript, $resolution",
    async ({ compiler, tsc, resolution, setting }) => {
      const version = JSON.parse(await readFile(join(tsc, "..", "..", "package.json"), "utf8")).version;
      const dir = `strict-${compiler}-${Object.keys(strictResolutions).indexOf(resolution)}`;
      const source = await readFile(join(releaseDir, "fixtures", "strict", "consumer.ts"), "utf8");
      const tsconfig = {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022"],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          noEmit: true,
          types: ["node"],
          module: setting.module,
          moduleResolution: setting.moduleResolution,
        },
        include: [`*${setting.extension}`],
      };
      await writeFiles(consumer.dir, {
        [`${dir}/consumer${setting.extension}`]: source,
        [`${dir}/tsconfig.json`]: JSON.stringify(tsconfig, null, 2),
      });
      const result = await run(process.execPath, [tsc, "-p", `${dir}/tsconfig.json`], {
        cwd: consumer.dir,
        timeout: 180_000,
      });
      expect(result.stdout + result.stderr, `TypeScript ${version}`).toBe("");
      expect(result.code).toBe(0);
    },
  );
});
