import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { type Layout, repo } from "./paths.js";
import { queryStylesModule } from "./query-styles.js";
import {
  deref,
  documentedExamples,
  type Json,
  type JsonObject,
  loadSpec,
  type SpecDocument,
  specHash,
} from "./spec.js";
import { validatorsModule } from "./validators.js";

/** The command that rebuilds every generated file; named in headers and in failure messages. */
export const regenerateCommand = "pnpm generate";

function header(spec: SpecDocument, hash: string): string {
  return [
    "/**",
    ` * Generated from spec/openapi.yaml (version ${spec.info.version}, sha256 ${hash.slice(0, 16)}) by \`${regenerateCommand}\`.`,
    " * Do not edit by hand: change the spec or scripts/src/generate.ts, then run the command again.",
    " */",
    "",
  ].join("\n");
}

async function typesModule(specFile: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specFile), {
    alphabetize: false,
    enum: false,
    exportType: false,
  });
  return astToString(ast);
}

/** The runtime facts the client and the mock take from the spec, so they cannot drift from it. */
function runtimeFacts(spec: SpecDocument) {
  const operations: JsonObject = {};
  const operationPaths: JsonObject = {};
  const operationParameters: JsonObject = {};
  const pathParameterRules: JsonObject = {};
  let participantFilters: Json | undefined;
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(pathItem as JsonObject)) {
      const op = operation as JsonObject;
      const params = ((op.parameters ?? []) as JsonObject[]).map((p) => deref(spec, p) as JsonObject);
      operationPaths[op.operationId as string] = path;
      operationParameters[op.operationId as string] = params.map((p) => p.name as string);
      operations[op.operationId as string] = {
        method: method.toUpperCase(),
        path,
        pathParameters: params.filter((p) => p.in === "path").map((p) => p.name as string),
        queryParameters: params.filter((p) => p.in === "query").map((p) => p.name as string),
      };
      for (const p of params) {
        const schema = deref(spec, p.schema as JsonObject) as JsonObject;
        if (p.in === "path") {
          const rule: JsonObject = {};
          if (typeof schema.maxLength === "number") rule.maxLength = schema.maxLength;
          if (typeof schema.format === "string") rule.format = schema.format;
          pathParameterRules[p.name as string] = rule;
        }
        if (p.name === "filters") {
          participantFilters = (deref(spec, schema.items as JsonObject) as JsonObject).enum;
        }
      }
    }
  }
  if (!Array.isArray(participantFilters)) throw new Error("spec: the filters parameter has no enum");
  const examples: JsonObject = {};
  for (const example of documentedExamples(spec)) {
    if (example.status === "200" && example.name === "documented")
      examples[example.operationId] = example.value;
  }
  return {
    participantFilters,
    operations,
    operationPaths,
    operationParameters,
    pathParameterRules,
    examples,
  };
}

const docs = {
  participantFilters: "The values `filters` accepts, in the spec's order.",
  operations: "Each operation's method, path template and parameter names.",
  operationPaths: "Each operation's path template.",
  operationParameters:
    "Each operation's parameter names, path and query, in the spec's order: the only keys its call takes.",
  pathParameterRules: "The constraints the spec puts on each path parameter.",
  examples: "Each operation's documented 200 response body, value for value.",
};

/** A module of the named facts; each package gets only what it uses, since the client's ship in bundles. */
function factsModule(spec: SpecDocument, names: (keyof typeof docs)[]): string {
  const facts = runtimeFacts(spec);
  return names
    .map(
      (name) =>
        `/** ${docs[name]} */\nexport const ${name} = ${JSON.stringify(facts[name], null, 2)} as const;\n`,
    )
    .join("\n");
}

function generatedFolderReadme(spec: SpecDocument): string {
  return [
    "# Generated: do not edit",
    "",
    `Every file in this folder is generated from \`spec/openapi.yaml\` (version ${spec.info.version}) by`,
    `\`${regenerateCommand}\` (scripts/src/generate.ts). Change the spec, run the command, and commit the`,
    "result; `pnpm check:generated` fails in CI when these files and the spec disagree.",
    "",
  ].join("\n");
}

function typesPackageManifest(spec: SpecDocument, typesPackageJson: string): string {
  const manifest = JSON.parse(readFileSync(typesPackageJson, "utf8"));
  manifest.openapi = { spec: "spec/openapi.yaml", version: spec.info.version };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Every generated file, by absolute path, as the current spec makes it. Writes nothing. */
export async function generate(layout: Layout = repo): Promise<Map<string, string>> {
  const { specFile, generatedTypesFile, clientGeneratedDir, mockGeneratedDir, typesPackageJson } = layout;
  const spec = loadSpec(specFile);
  const head = header(spec, specHash(specFile));
  return new Map([
    [generatedTypesFile, head + (await typesModule(specFile))],
    [`${dirname(generatedTypesFile)}/query.ts`, head + queryStylesModule(spec)],
    [
      `${clientGeneratedDir}/spec.ts`,
      head +
        factsModule(spec, [
          "participantFilters",
          "operationPaths",
          "operationParameters",
          "pathParameterRules",
        ]),
    ],
    [`${clientGeneratedDir}/validators.ts`, head + validatorsModule(spec)],
    [
      `${mockGeneratedDir}/spec.ts`,
      head + factsModule(spec, ["participantFilters", "operations", "pathParameterRules", "examples"]),
    ],
    ...[dirname(generatedTypesFile), clientGeneratedDir, mockGeneratedDir].map((dir): [string, string] => [
      `${dir}/README.md`,
      generatedFolderReadme(spec),
    ]),
    [typesPackageJson, typesPackageManifest(spec, typesPackageJson)],
  ]);
}

async function main(): Promise<void> {
  for (const [file, content] of await generate()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${relative(repo.root, file)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
