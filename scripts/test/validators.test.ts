import { describe, expect, it } from "vitest";
import { staleGeneratedFiles } from "../src/check-generated.js";
import { generate } from "../src/generate.js";
import { loadSpec } from "../src/spec.js";
import { validatorsModule } from "../src/validators.js";
import { editText, scratchRepo } from "./support/scratch.js";

describe("the generated response validators", () => {
  it("are standalone: no JSON Schema compiler or other package is loaded at run time", async () => {
    const layout = scratchRepo();
    const source = (await generate(layout)).get(`${layout.clientGeneratedDir}/validators.ts`) ?? "";
    const imports = source.split("\n").filter((line) => line.startsWith("import"));
    expect(imports).toEqual(['import type { Checker } from "../drift/checker.js";']);
    expect(source).toContain("function PeerParticipant(");
    expect(source).toContain('"uuid", "PeerParticipant.session_id");');
  });

  it("are covered by check:generated: a hand edit is caught", async () => {
    const layout = scratchRepo();
    editText(`${layout.clientGeneratedDir}/validators.ts`, '"uuid"', '"uri"');
    expect(await staleGeneratedFiles(layout)).toEqual(["packages/client/src/generated/validators.ts"]);
  });

  it("follow the spec: a response schema change makes them stale", async () => {
    const layout = scratchRepo();
    editText(
      layout.specFile,
      "enum: [PEER_CREATED, PEER_JOINING, PEER_LEAVING, null]",
      "enum: [PEER_CREATED, PEER_JOINING, PEER_LEAVING, PEER_LEFT, null]",
    );
    expect(await staleGeneratedFiles(layout)).toContain("packages/client/src/generated/validators.ts");
  });

  it("refuse a keyword they would not check, rather than pass it silently", () => {
    const layout = scratchRepo();
    editText(
      layout.specFile,
      "          format: uuid\n        updated_at:",
      "          format: uuid\n          pattern: '^[0-9a-f-]+'\n        updated_at:",
    );
    expect(() => validatorsModule(loadSpec(layout.specFile))).toThrow(
      "validators: PeerParticipant.session_id uses `pattern`, which the generator does not check",
    );
  });

  it("refuse a format the checker cannot test", () => {
    const layout = scratchRepo();
    editText(
      layout.specFile,
      "          format: uuid\n        updated_at:",
      "          format: date-time\n        updated_at:",
    );
    expect(() => validatorsModule(loadSpec(layout.specFile))).toThrow(
      "validators: PeerParticipant.session_id has format `date-time`, which the checker cannot test",
    );
  });
});
