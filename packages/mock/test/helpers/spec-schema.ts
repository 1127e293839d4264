import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import { parse } from "yaml";

const specFile = new URL("../../../../spec/openapi.yaml", import.meta.url);

/**
 * Ajv validators (JSON Schema 2020-12, strict, formats checked) for the spec's 200 response schemas, read
 * from spec/openapi.yaml, the source of truth, independently of the mock's generated tables.
 */
export function responseValidators(): Record<"participant" | "peer", ValidateFunction> {
  const document = parse(readFileSync(specFile, "utf8"));
  // Strict mode knows no OpenAPI keywords; the schemas under components use none but these annotations.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword("example");
  const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
    addFormatsModule) as FormatsPlugin;
  addFormats(ajv);
  // The component schemas as one JSON Schema document, their `$ref`s pointing into its `$defs`.
  const defs = JSON.parse(
    JSON.stringify(document.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
  );
  ajv.addSchema({ $id: "spec", $defs: defs });
  return {
    participant: ajv.compile({ $ref: "spec#/$defs/GetSessionParticipantDetailsResponse" }),
    peer: ajv.compile({ $ref: "spec#/$defs/GetParticipantDataFromPeerIdResponse" }),
  };
}

/** The types Cloudflare's SDK 7.1.0 declares for each field path of a peer report, as `a.b[].c`. */
export function sdkFieldTypes(): Map<string, string> {
  const text = readFileSync(new URL("../data/sdk-7.1.0-peer-report.txt", import.meta.url), "utf8");
  const types = new Map<string, string>();
  const stack: { depth: number; path: string }[] = [];
  for (const line of text.split("\n")) {
    const match = /^( *)- ([^:]+): (.+)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 2;
    const [name, type] = [match[2] ?? "", match[3] ?? ""];
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    const parent = stack.at(-1)?.path;
    const path = parent === undefined ? name : `${parent}.${name}`;
    types.set(path, type);
    stack.push({ depth, path: type === "array of objects" ? `${path}[]` : path });
  }
  return types;
}
