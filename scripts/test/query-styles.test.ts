import { describe, expect, it } from "vitest";
import { staleGeneratedFiles } from "../src/check-generated.js";
import { generate } from "../src/generate.js";
import { queryStyles } from "../src/query-styles.js";
import { loadSpec } from "../src/spec.js";
import { editText, scratchRepo } from "./support/scratch.js";

const filtersEncoding = "      style: form\n      explode: false\n";
const queryModule = (files: Map<string, string>) =>
  [...files].find(([file]) => file.endsWith("packages/types/src/generated/query.ts"))?.[1] ?? "";

describe("the query styles the types package's querySerializer follows", () => {
  it("are the spec's, with OpenAPI's defaults where it says nothing", () => {
    const layout = scratchRepo();
    expect(queryStyles(loadSpec(layout.specFile))).toEqual({
      filters: { style: "form", explode: false },
      include_peer_events: { style: "form", explode: true },
    });
  });

  it("move with the spec's explode, and check:generated names the file until it is regenerated", async () => {
    const layout = scratchRepo();
    editText(layout.specFile, filtersEncoding, "      style: form\n      explode: true\n");
    expect(queryModule(await generate(layout))).toContain(
      '"filters": {\n    "style": "form",\n    "explode": true',
    );
    expect(await staleGeneratedFiles(layout)).toContain("packages/types/src/generated/query.ts");
  });

  it.each([
    [
      "a style the serializer does not write",
      "      style: pipeDelimited\n",
      /filters has style "pipeDelimited"/,
    ],
    ["allowReserved", `${filtersEncoding}      allowReserved: true\n`, /filters sets `allowReserved`/],
  ])("refuse %s, naming the parameter and what to extend", (_, to, message) => {
    const layout = scratchRepo();
    editText(layout.specFile, filtersEncoding, to);
    expect(() => queryStyles(loadSpec(layout.specFile))).toThrow(message);
    expect(() => queryStyles(loadSpec(layout.specFile))).toThrow(
      /extend packages\/types\/src\/query-serializer\.ts/,
    );
  });

  it("refuse an object parameter", () => {
    const layout = scratchRepo();
    editText(
      layout.specFile,
      "      schema:\n        type: boolean\n",
      "      schema:\n        type: object\n",
    );
    expect(() => queryStyles(loadSpec(layout.specFile))).toThrow(/include_peer_events takes an object/);
  });

  it("refuse one name sent two ways by two operations", () => {
    const layout = scratchRepo();
    // The peer report's filters, inlined with the default explode, beside the participant's explode: false.
    editText(
      layout.specFile,
      '        - $ref: "#/components/parameters/peer_id"\n        - $ref: "#/components/parameters/filters"\n',
      '        - $ref: "#/components/parameters/peer_id"\n        - { name: filters, in: query, schema: { type: array, items: { type: string } } }\n',
    );
    expect(() => queryStyles(loadSpec(layout.specFile))).toThrow(
      /GET \/accounts\/.*peer-report.*: query parameter filters is sent as .*"explode":true.* here and as .*"explode":false.* elsewhere/,
    );
  });
});
