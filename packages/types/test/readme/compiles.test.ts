// The README's openapi-fetch example, type-checked under the name its first line gives it, in the kind of
// project `npm init -y` makes (`"type": "commonjs"`) with TypeScript strict and NodeNext: a newcomer's setup.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, expect, it } from "vitest";
import { readmeBlock } from "../support/readme.js";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));
mkdirSync(join(packageDir, ".tmp"), { recursive: true });
const dir = mkdtempSync(join(packageDir, ".tmp", "readme-cjs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("the openapi-fetch example compiles in a CommonJS project, top-level await and all", () => {
  const source = readmeBlock("// peer.mts");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "commonjs" }));
  const file = join(dir, "peer.mts");
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ["node"],
    // The example is what is checked here; the libraries' own .d.ts files are checked by their authors.
    skipLibCheck: true,
    // The package by its name is its source here, as in the other tests.
    paths: { "@realtimekit-api/types": [join(packageDir, "src/index.ts")] },
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(errors).toEqual([]);
}, 60_000);
