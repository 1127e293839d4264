/**
 * The spec as the contract and property tests see it: operations, their parameters with `$ref`s
 * resolved, their documented examples, and a checker that validates a request URL the client sent
 * against the parameter schemas with Ajv (strict), independently of the client's own validation.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import { parse } from "yaml";

export const specDirectory = new URL("../../../../spec/", import.meta.url);
export const specFile = new URL("openapi.yaml", specDirectory);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface SpecParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonObject;
  style?: string;
  explode?: boolean;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: SpecParameter[];
  /** The `value` of the 200 response's documented example. */
  example: unknown;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function pointer(document: Json, ref: string): Json {
  let node: Json = document;
  for (const raw of ref.replace(/^#\//, "").split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node) || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
    node = node[key] as Json;
  }
  return node;
}

/** Replaces internal (`#/…`) and sibling-file (`./examples/…`) `$ref`s; the spec has no cycles. */
function dereference(document: Json, node: Json, depth = 0): Json {
  if (depth > 64) throw new Error("$ref nesting deeper than 64: a cycle?");
  if (Array.isArray(node)) return node.map((item) => dereference(document, item, depth + 1));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === "string") {
    const target = ref.startsWith("#")
      ? pointer(document, ref)
      : (JSON.parse(readFileSync(new URL(ref, specDirectory), "utf8")) as Json);
    return dereference(document, target, depth + 1);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, dereference(document, v, depth + 1)]));
}

function loadOperations(): SpecOperation[] {
  const document = parse(readFileSync(specFile, "utf8")) as Json;
  const resolved = dereference(document, document);
  if (!isObject(resolved) || !isObject(resolved.paths)) throw new Error("spec has no paths");
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(resolved.paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || typeof operation.operationId !== "string") continue;
      const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map(
        (p) => p as unknown as SpecParameter,
      );
      const ok = (operation.responses as JsonObject)["200"] as JsonObject;
      const content = (ok.content as JsonObject)["application/json"] as JsonObject;
      const example = ((content.examples as JsonObject).documented as JsonObject).value;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        parameters,
        example,
      });
    }
  }
  return operations;
}

export const specOperations: readonly SpecOperation[] = loadOperations();

export function specOperation(operationId: string): SpecOperation {
  const found = specOperations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return found;
}

/** The spec's `ParticipantFilter` enum, read from the `filters` parameter. */
export const specFilters: readonly string[] = (() => {
  const filters = specOperation("getSessionParticipantDetails").parameters.find((p) => p.name === "filters");
  const items = filters?.schema.items as JsonObject | undefined;
  return (items?.enum ?? []) as string[];
})();

// ajv-formats is CommonJS: under NodeNext its default import is the module object, with the plugin on it.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as FormatsPlugin;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validators = new Map<JsonObject, ReturnType<typeof ajv.compile>>();
function validate(schema: JsonObject, value: unknown): string | undefined {
  let compiled = validators.get(schema);
  if (!compiled) {
    compiled = ajv.compile(schema);
    validators.set(schema, compiled);
  }
  if (compiled(value)) return undefined;
  return ajv.errorsText(compiled.errors);
}

function decode(raw: string, what: string, problems: string[]): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    problems.push(`${what}: ${JSON.stringify(raw)} is not valid percent-encoding`);
    return undefined;
  }
}

export interface RequestCheck {
  operationId?: string;
  /** Decoded path parameters, by name, when the path matched a template. */
  path: Record<string, string>;
  /** Raw (still encoded) query values, by name. */
  query: Record<string, string>;
  problems: string[];
}

/**
 * Matches `url` (below `basePath`, e.g. `/client/v4`) to one of the spec's path templates and validates
 * each path and query parameter against its schema: form style with `explode: false` for arrays (a literal
 * `,` between items), `true`/`false` for booleans. Unknown, repeated or missing required parameters,
 * and empty path segments, are problems too.
 */
export function checkRequestAgainstSpec(url: string, basePath: string, method = "GET"): RequestCheck {
  const result: RequestCheck = { path: {}, query: {}, problems: [] };
  const parsed = new URL(url);
  if (!parsed.pathname.startsWith(`${basePath}/`)) {
    result.problems.push(`path ${parsed.pathname} is not below ${basePath}`);
    return result;
  }
  const segments = parsed.pathname.slice(basePath.length).split("/");
  const operation = specOperations.find((o) => {
    const template = o.path.split("/");
    return (
      o.method === method &&
      template.length === segments.length &&
      template.every((t, i) => /^\{.+\}$/.test(t) || t === segments[i])
    );
  });
  if (!operation) {
    result.problems.push(`${method} ${parsed.pathname} matches no path template of the spec`);
    return result;
  }
  result.operationId = operation.operationId;
  const template = operation.path.split("/");
  template.forEach((t, i) => {
    const name = /^\{(.+)\}$/.exec(t)?.[1];
    const raw = segments[i] ?? "";
    if (!name) return;
    if (raw === "") result.problems.push(`path parameter ${name} is empty`);
    const value = decode(raw, `path parameter ${name}`, result.problems);
    if (value === undefined) return;
    result.path[name] = value;
    const parameter = operation.parameters.find((p) => p.in === "path" && p.name === name);
    if (!parameter) {
      result.problems.push(`path parameter ${name} is not declared`);
      return;
    }
    const error = validate(parameter.schema, value);
    if (error) result.problems.push(`path parameter ${name}=${JSON.stringify(value)}: ${error}`);
  });

  const pairs = parsed.search === "" ? [] : parsed.search.slice(1).split("&");
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    const name = decode(rawName, "query parameter name", result.problems);
    if (name === undefined) continue;
    if (name in result.query) {
      result.problems.push(`query parameter ${name} appears more than once`);
      continue;
    }
    result.query[name] = rawValue;
    const parameter = operation.parameters.find((p) => p.in === "query" && p.name === name);
    if (!parameter) {
      result.problems.push(`query parameter ${name} is not declared for ${operation.operationId}`);
      continue;
    }
    let value: unknown;
    if (parameter.schema.type === "array") {
      if (parameter.style !== "form" || parameter.explode !== false) {
        result.problems.push(`checker only knows form/explode:false arrays (${name})`);
        continue;
      }
      const items = rawValue
        .split(",")
        .map((item) => decode(item.replaceAll("+", " "), name, result.problems));
      if (items.includes(undefined)) continue;
      value = items;
    } else if (parameter.schema.type === "boolean") {
      if (rawValue !== "true" && rawValue !== "false") {
        result.problems.push(`query parameter ${name}=${JSON.stringify(rawValue)} is not true or false`);
        continue;
      }
      value = rawValue === "true";
    } else {
      value = decode(rawValue.replaceAll("+", " "), name, result.problems);
      if (value === undefined) continue;
    }
    const error = validate(parameter.schema, value);
    if (error) result.problems.push(`query parameter ${name}=${JSON.stringify(rawValue)}: ${error}`);
  }
  for (const parameter of operation.parameters) {
    if (parameter.in === "query" && parameter.required && !(parameter.name in result.query)) {
      result.problems.push(`required query parameter ${parameter.name} is missing`);
    }
  }
  return result;
}
