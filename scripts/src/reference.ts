import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import {
  branches,
  deref,
  documentedExamples,
  type Json,
  type JsonObject,
  type SpecDocument,
} from "./spec.js";

/** What a published reference page says about one operation. */
export interface ReferencePage {
  summary: string;
  description: string;
  method: string;
  path: string;
  parameters: Field[];
  fields: Field[];
  examples: Json[];
}

/** A parameter or response field as the page lists it. */
export interface Field {
  name: string;
  type: string;
  description?: string;
  constraints: string[];
  enum: string[];
}

const fieldLine = /^(\w+): (str|bool|float|int|Optional\[.+\]|List\[.+\]|Dict\[.+\])$/;

/** Reads a reference page (the Python SDK's view of one operation) into its parts. */
export function readReferencePage(file: string): ReferencePage {
  const lines = readFileSync(file, "utf8").split("\n");
  const at = (predicate: (line: string) => boolean, from = 0) => {
    const i = lines.findIndex((line, index) => index >= from && predicate(line));
    if (i < 0) throw new Error(`${file}: unexpected page layout`);
    return i;
  };
  const request = at((l) => /^(GET|POST|PUT|PATCH|DELETE)\//.test(l));
  const [, method = "", path = ""] = lines[request]?.match(/^([A-Z]+)(\/.*)$/) ?? [];
  const params = at((l) => l === "ParametersExpand Collapse");
  const returns = at((l) => l === "ReturnsExpand Collapse");
  const summary = lines[at((l) => l === "Start here") + 2] ?? "";
  const sample = at((l) => l.startsWith("import "), returns);
  // The code sample is titled with the summary again; that line ends the list of response fields.
  const sampleTitle = lines.lastIndexOf(summary, sample);
  const examples: Json[] = [];
  for (const start of [at((l) => l === "{", sample), at((l) => l === "Returns Examples", sample) + 1]) {
    const end = at((l) => l === "}", start);
    examples.push(JSON.parse(lines.slice(start, end + 1).join("\n")));
  }
  return {
    summary,
    method,
    path,
    description: lines[request + 2] ?? "",
    parameters: readFields(lines.slice(params + 1, returns)),
    fields: readFields(lines.slice(returns + 1, sampleTitle)),
    examples,
  };
}

function readFields(lines: string[]): Field[] {
  const fields: Field[] = [];
  let inEnum = false;
  for (const raw of lines) {
    const line = raw.trim();
    const current = fields.at(-1);
    const match = line.match(fieldLine);
    if (match) {
      fields.push({ name: match[1] ?? "", type: match[2] ?? "", constraints: [], enum: [] });
      inEnum = false;
    } else if (!current || line === "" || line.startsWith("class ")) {
    } else if (line === "One of the following:") {
      inEnum = true;
    } else if (inEnum && /^"[^"]+"$/.test(line)) {
      current.enum.push(line.slice(1, -1));
    } else if (/^(maxLength\d+|format\w+)$/.test(line)) {
      current.constraints.push(line);
    } else if (current.description === undefined) {
      current.description = line;
    }
  }
  return fields;
}

/** Every disagreement between the spec and a reference page about one operation. */
export function compareWithPage(spec: SpecDocument, page: ReferencePage): string[] {
  const problems: string[] = [];
  const pathItem = spec.paths[page.path] as JsonObject | undefined;
  const operation = pathItem?.[page.method.toLowerCase()] as JsonObject | undefined;
  if (!operation) return [`${page.method} ${page.path} is not in the spec`];
  const name = String(operation.operationId);
  const say = (text: string) => problems.push(`${name}: ${text}`);
  if (operation.summary !== page.summary) say(`summary should be "${page.summary}"`);
  if (!String(operation.description).includes(page.description))
    say(`description lacks "${page.description}"`);

  const parameters = ((operation.parameters ?? []) as Json[]).map((p) => deref(spec, p) as JsonObject);
  const specNames = parameters.map((p) => String(p.name)).sort();
  const pageNames = page.parameters.map((p) => p.name).sort();
  if (specNames.join() !== pageNames.join())
    say(`parameters are ${specNames} but the page lists ${pageNames}`);
  for (const field of page.parameters) {
    const parameter = parameters.find((p) => p.name === field.name);
    if (!parameter) continue;
    const schema = deref(spec, parameter.schema as Json) as JsonObject;
    compareField(
      spec,
      field,
      { ...schema, description: parameter.description as Json },
      `parameter ${field.name}`,
      say,
    );
    const required = parameter.required === true;
    if (required === field.type.startsWith("Optional["))
      say(`parameter ${field.name} should be ${required ? "optional" : "required"}`);
  }

  const [underSample, underReturns] = page.examples;
  if (!isDeepStrictEqual(underSample, underReturns)) say("the page's two examples differ");
  const example = documentedExamples(spec).find((e) => e.operationId === name && e.status === "200");
  if (!isDeepStrictEqual(example?.value, underSample))
    say("the documented example is not the page's, value for value");

  const properties = responseProperties(spec, operation);
  const specFields = [...new Set(properties.map(([n]) => n))].sort();
  const pageFields = [...new Set(page.fields.map((f) => f.name))].sort();
  if (specFields.join() !== pageFields.join())
    say(`response fields are ${specFields} but the page lists ${pageFields}`);
  for (const field of page.fields) {
    const candidates = properties.filter(([n]) => n === field.name).map(([, s]) => s);
    const matching = candidates.filter((s) => (s.description ?? undefined) === field.description);
    if (candidates.length > 0 && matching.length === 0) {
      say(`response field ${field.name} should be described as "${field.description ?? "(nothing)"}"`);
    }
    for (const schema of matching) {
      compareField(spec, field, schema, `response field ${field.name}`, say);
      if (field.type.startsWith("Optional[") && !nullable(spec, schema))
        say(`response field ${field.name} should be nullable`);
    }
  }
  return problems;
}

function compareField(
  spec: SpecDocument,
  field: Field,
  schema: JsonObject,
  label: string,
  say: (text: string) => void,
) {
  if (field.description !== undefined && schema.description !== field.description) {
    say(`${label} should be described as "${field.description}"`);
  }
  for (const constraint of field.constraints) {
    const [, key = "", value = ""] = constraint.match(/^(maxLength|format)(.+)$/) ?? [];
    if (String(schema[key]) !== value) say(`${label} should have ${key} ${value}`);
  }
  if (field.enum.length > 0) {
    const values = enumOf(spec, schema).filter((v) => v !== null);
    if (values.join() !== field.enum.join()) say(`${label} should have the enum ${field.enum}`);
  }
}

function enumOf(spec: SpecDocument, schema: JsonObject): Json[] {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.items) return enumOf(spec, deref(spec, schema.items) as JsonObject);
  return [];
}

function nullable(spec: SpecDocument, schema: JsonObject): boolean {
  const types = [schema.type].flat();
  return types.includes("null") || branches(schema).some((b) => nullable(spec, deref(spec, b) as JsonObject));
}

/** Every property of the 200 response schema, at any depth, with the schema it has there. */
function responseProperties(spec: SpecDocument, operation: JsonObject): [string, JsonObject][] {
  const found: [string, JsonObject][] = [];
  const walk = (node: Json) => {
    const schema = deref(spec, node) as JsonObject;
    for (const branch of branches(schema)) walk(branch);
    if (schema.items) walk(schema.items);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as JsonObject)) {
      found.push([name, property as JsonObject]);
      walk(property);
    }
  };
  const ok = deref(spec, (operation.responses as JsonObject)["200"] as Json) as JsonObject;
  walk(((ok.content as JsonObject)["application/json"] as JsonObject).schema as Json);
  return found;
}
