import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";

/** A JSON value as found in the spec. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface SpecDocument extends JsonObject {
  info: { title: string; version: string } & JsonObject;
  paths: JsonObject;
  components: JsonObject & { schemas: { [name: string]: JsonObject } };
}

/** Reads the spec, with every external `$ref` (the example files) replaced by the file it names. */
export function loadSpec(file: string): SpecDocument {
  const text = readFileSync(file, "utf8");
  return inlineExternalRefs(parse(text) as Json, dirname(file)) as SpecDocument;
}

/** The spec file's SHA-256, recorded in the generated files so they name the exact spec they came from. */
export function specHash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function inlineExternalRefs(node: Json, baseDir: string): Json {
  if (Array.isArray(node)) return node.map((item) => inlineExternalRefs(item, baseDir));
  if (node === null || typeof node !== "object") return node;
  const ref = node.$ref;
  if (typeof ref === "string" && !ref.startsWith("#")) {
    const target = resolve(baseDir, ref);
    return inlineExternalRefs(JSON.parse(readFileSync(target, "utf8")) as Json, dirname(target));
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = inlineExternalRefs(value, baseDir);
  return out;
}

/** Follows a local `#/...` JSON pointer inside the spec. */
export function resolvePointer(spec: Json, pointer: string): Json {
  if (!pointer.startsWith("#/")) throw new Error(`not a local reference: ${pointer}`);
  let node: Json = spec;
  for (const raw of pointer.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || Array.isArray(node) || !(key in node)) {
      throw new Error(`unresolvable reference: ${pointer}`);
    }
    node = node[key] as Json;
  }
  return node;
}

/** Returns the node itself, or the node a `$ref` points to. */
export function deref(spec: Json, node: Json): Json {
  if (node && typeof node === "object" && !Array.isArray(node) && typeof node.$ref === "string") {
    return deref(spec, resolvePointer(spec, node.$ref));
  }
  return node;
}

/** The alternatives a schema offers (`oneOf` and `anyOf`), such as a `$ref` and `type: "null"`. */
export function branches(schema: JsonObject): Json[] {
  return [...((schema.oneOf ?? []) as Json[]), ...((schema.anyOf ?? []) as Json[])];
}

export interface DocumentedExample {
  operationId: string;
  status: string;
  name: string;
  /** `#/components/schemas/X` of the response, the name the generated types use for it. */
  schemaRef: string;
  value: Json;
}

/** Every example of every 2xx JSON response, with the schema it documents. */
export function documentedExamples(spec: SpecDocument): DocumentedExample[] {
  const found: DocumentedExample[] = [];
  for (const pathItem of Object.values(spec.paths)) {
    for (const operation of Object.values(pathItem as JsonObject)) {
      const op = operation as JsonObject;
      if (typeof op.operationId !== "string") continue;
      for (const [status, response] of Object.entries(op.responses as JsonObject)) {
        if (!status.startsWith("2")) continue;
        const media = (deref(spec, response) as JsonObject).content as JsonObject;
        const json = media["application/json"] as JsonObject;
        const schema = json.schema as JsonObject;
        if (typeof schema.$ref !== "string") {
          throw new Error(`${op.operationId} ${status}: the response schema must be a named component`);
        }
        for (const [name, example] of Object.entries((json.examples ?? {}) as JsonObject)) {
          const value = (deref(spec, example) as JsonObject).value as Json;
          found.push({ operationId: op.operationId, status, name, schemaRef: schema.$ref, value });
        }
      }
    }
  }
  return found;
}
