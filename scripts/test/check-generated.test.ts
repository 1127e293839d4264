import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { staleGeneratedFiles } from "../src/check-generated.js";
import { generate } from "../src/generate.js";
import { repo } from "../src/paths.js";
import { editText, scratchRepo } from "./support/scratch.js";

describe("generate", () => {
  it("is deterministic: two runs make the same files", async () => {
    expect(await generate()).toEqual(await generate());
  });

  it("marks every generated file as generated, naming the command", async () => {
    for (const [file, content] of await generate()) {
      if (file.endsWith(".ts")) expect(content.split("\n", 3).join("\n")).toContain("by `pnpm generate`");
    }
  });

  it("records the spec's version in the types package", async () => {
    const manifest = JSON.parse((await generate()).get(repo.typesPackageJson) ?? "{}");
    expect(manifest.openapi).toEqual({ spec: "spec/openapi.yaml", version: "1.0.0" });
  });
});

describe("check:generated", () => {
  it("passes when the committed files are what the spec generates", async () => {
    expect(await staleGeneratedFiles()).toEqual([]);
  });

  it("fails when a generated file is edited by hand", async () => {
    const layout = scratchRepo();
    editText(layout.generatedTypesFile, "duration?: number | null;", "duration?: string | null;");
    expect(await staleGeneratedFiles(layout)).toEqual(["packages/types/src/generated/openapi.ts"]);
  });

  it("fails when the spec changes and nobody regenerated", async () => {
    const layout = scratchRepo();
    editText(layout.specFile, "description: User id for this participant.", "description: The user's id.");
    const stale = await staleGeneratedFiles(layout);
    expect(stale).toContain("packages/types/src/generated/openapi.ts");
    expect(stale).toContain("packages/client/src/generated/spec.ts");
  });

  it("fails when the spec's version moves without the types package recording it", async () => {
    const layout = scratchRepo();
    editText(layout.specFile, "  version: 1.0.0", "  version: 1.1.0");
    expect(await staleGeneratedFiles(layout)).toContain("packages/types/package.json");
  });
});

describe("lint:spec", () => {
  const redocly = (specFile: string) =>
    promisify(execFile)(
      "pnpm",
      ["exec", "redocly", "lint", specFile, "--config", `${repo.root}redocly.yaml`],
      { cwd: `${repo.root}scripts`, env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
    );

  it("fails on a spec that breaks a recommended rule", async () => {
    const layout = scratchRepo();
    editText(layout.specFile, "      operationId: getParticipantDataFromPeerId\n", "");
    await expect(redocly(layout.specFile)).rejects.toMatchObject({
      stdout: expect.stringContaining("operationId"),
    });
  });
});
