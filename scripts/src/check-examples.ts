import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import ts from "typescript";
import { type Layout, repo } from "./paths.js";
import {
  branches,
  type DocumentedExample,
  deref,
  documentedExamples,
  type Json,
  type JsonObject,
  loadSpec,
  type SpecDocument,
} from "./spec.js";

/** One way in which a documented example and the spec or the generated types disagree. */
export interface ExampleProblem {
  example: string;
  check: "types" | "schema" | "completeness";
  message: string;
}

const schemaName = (ref: string) => ref.replace("#/components/schemas/", "");
const label = (e: DocumentedExample) => `${e.operationId} ${e.status} example "${e.name}"`;

/**
 * Compile time: each example, as a TypeScript literal, `satisfies` its generated response type, so an
 * undocumented field, a wrong type or an unknown enum value in either is a type error.
 */
export function checkTypes(examples: DocumentedExample[], generatedTypesFile: string): ExampleProblem[] {
  const dir = mkdtempSync(join(tmpdir(), "check-examples-"));
  try {
    const files = examples.map((example, i) => {
      const file = join(dir, `example-${i}.mts`);
      const source = [
        `import type { components } from ${JSON.stringify(generatedTypesFile)};`,
        `export const example = ${JSON.stringify(example.value, null, 2)} satisfies components["schemas"][${JSON.stringify(schemaName(example.schemaRef))}];`,
        "",
      ].join("\n");
      writeFileSync(file, source);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const index = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
      const where =
        diagnostic.file && diagnostic.start !== undefined
          ? `line ${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `
          : "";
      const example = examples[index];
      return {
        example: example ? label(example) : (diagnostic.file?.fileName ?? "generated types"),
        check: "types" as const,
        message: where + ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The spec's schemas as one JSON Schema document, every object closed to undocumented properties. */
function closedSchemas(spec: SpecDocument): JsonObject {
  const close = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(close);
    if (node === null || typeof node !== "object") return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "$ref" && typeof value === "string"
          ? value.replace("#/components/schemas/", "#/$defs/")
          : key === "properties" && value && typeof value === "object" && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, close(schema)]))
            : close(value);
    }
    if (out.properties !== undefined && out.additionalProperties === undefined)
      out.additionalProperties = false;
    return out;
  };
  return { $id: "realtimekit-spec", $defs: close(spec.components.schemas as Json) };
}

/** Run time: each example validates against the spec's schema with Ajv in strict mode. */
export function checkSchema(spec: SpecDocument, examples: DocumentedExample[]): ExampleProblem[] {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  // ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
  addFormatsModule.default(ajv);
  ajv.addSchema(closedSchemas(spec));
  return examples.flatMap((example) => {
    const validate = ajv.getSchema(`realtimekit-spec#/$defs/${schemaName(example.schemaRef)}`);
    if (!validate) throw new Error(`no schema ${example.schemaRef}`);
    if (validate(example.value)) return [];
    return (validate.errors ?? []).map((error) => ({
      example: label(example),
      check: "schema" as const,
      message: `${error.instancePath || "(body)"} ${error.message}${
        error.keyword === "additionalProperties" ? `: ${JSON.stringify(error.params.additionalProperty)}` : ""
      }`,
    }));
  });
}

/**
 * Completeness: every property the response schemas declare appears in some documented example, so the
 * types promise nothing the documentation does not show.
 */
export function checkCompleteness(spec: SpecDocument, examples: DocumentedExample[]): ExampleProblem[] {
  const problems: ExampleProblem[] = [];
  const bySchema = new Map<string, DocumentedExample[]>();
  for (const e of examples) bySchema.set(e.schemaRef, [...(bySchema.get(e.schemaRef) ?? []), e]);
  const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);
  const walk = (node: Json, values: Json[], path: string, ref: string) => {
    const schema = deref(spec, node) as JsonObject;
    for (const branch of branches(schema)) {
      walk(branch, values, path, ref);
    }
    if (isObject(schema.properties)) {
      const objects = values.filter(isObject);
      for (const [name, propertySchema] of Object.entries(schema.properties)) {
        const present = objects.filter((o) => o[name] !== undefined);
        if (present.length === 0) {
          problems.push({
            example: `${ref} examples`,
            check: "completeness",
            message: `${path}.${name} is in the schema but in no documented example`,
          });
        }
        walk(
          propertySchema,
          present.map((o) => o[name] as Json).filter((v) => v !== null),
          `${path}.${name}`,
          ref,
        );
      }
    }
    if (schema.items !== undefined) {
      walk(schema.items as Json, values.filter(Array.isArray).flat(), `${path}[]`, ref);
    }
  };
  for (const [ref, group] of bySchema) {
    walk(
      { $ref: ref },
      group.map((e) => e.value),
      schemaName(ref),
      ref,
    );
  }
  return problems;
}

/** All three checks over the spec's documented examples. */
export function checkExamples(layout: Layout = repo): ExampleProblem[] {
  const spec = loadSpec(layout.specFile);
  const examples = documentedExamples(spec);
  if (examples.length === 0) throw new Error("spec: no documented examples on any 2xx response");
  return [
    ...checkTypes(examples, layout.generatedTypesFile),
    ...checkSchema(spec, examples),
    ...checkCompleteness(spec, examples),
  ];
}

function main(): void {
  const problems = checkExamples();
  if (problems.length === 0) {
    console.log("check:examples: the documented examples, the spec's schemas and the generated types agree");
    return;
  }
  console.error(`check:examples: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  [${p.check}] ${p.example}: ${p.message}`);
  console.error(
    "Fix: correct spec/examples/*.json or the schema in spec/openapi.yaml, then run `pnpm generate` " +
      "(never edit generated files by hand).",
  );
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
