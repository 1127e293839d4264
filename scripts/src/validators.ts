import { branches, deref, type Json, type JsonObject, type SpecDocument } from "./spec.js";

/**
 * The response validators, as standalone TypeScript: one function per schema the responses use, in plain
 * checks, so nothing compiles a JSON Schema at run time. They report to a `Checker`
 * (packages/client/src/drift/checker.ts), which turns each mismatch into a drift difference.
 *
 * Only the keywords below are understood; any other keyword in a response schema stops generation, so a
 * spec change can never be silently left unchecked.
 */
const understood = new Set([
  "type",
  "enum",
  "const",
  "format",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "oneOf",
  "anyOf",
  "$ref",
  "description",
  "title",
  "summary",
]);

/** Formats the checker knows how to test (packages/client/src/drift/checker.ts `formats`). */
export const checkedFormats = new Set(["uuid"]);

const refName = (ref: string) => {
  if (!ref.startsWith("#/components/schemas/")) throw new Error(`validators: cannot follow ${ref}`);
  return ref.slice("#/components/schemas/".length);
};
const pointerKey = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");
const literal = (value: Json) => JSON.stringify(value);
const isObject = (node: Json | undefined): node is JsonObject =>
  !!node && typeof node === "object" && !Array.isArray(node);

/** The JSON types a schema allows, `null` included when it is one of them. */
const typesOf = (schema: JsonObject): string[] =>
  schema.type === undefined
    ? []
    : Array.isArray(schema.type)
      ? (schema.type as string[])
      : [schema.type as string];

/** A schema's one non-null alternative, when it is "X or null"; undefined for any other `oneOf`/`anyOf`. */
function nullableAlternative(schema: JsonObject): JsonObject | undefined {
  const options = branches(schema).filter(isObject);
  if (options.length !== 2) return undefined;
  const nonNull = options.filter((o) => !(o.type === "null" && Object.keys(o).length === 1));
  return nonNull.length === 1 ? nonNull[0] : undefined;
}

/** The base JSON type a property holds (ignoring null), for rename hints and drift messages. */
function baseType(spec: SpecDocument, schema: JsonObject): string {
  const inner = nullableAlternative(schema) ?? schema;
  const resolved = deref(spec, inner) as JsonObject;
  if (branches(resolved).length > 0) return "object";
  return typesOf(resolved).find((t) => t !== "null") ?? "object";
}

interface Context {
  spec: SpecDocument;
  /** Named schemas still to generate, found through `$ref`. */
  pending: string[];
  seen: Set<string>;
}

function checkKeywords(schema: JsonObject, where: string): void {
  for (const key of Object.keys(schema)) {
    if (!understood.has(key))
      throw new Error(`validators: ${where} uses \`${key}\`, which the generator does not check`);
  }
  if (typeof schema.format === "string" && !checkedFormats.has(schema.format)) {
    throw new Error(`validators: ${where} has format \`${schema.format}\`, which the checker cannot test`);
  }
}

function useRef(ctx: Context, ref: string): string {
  const name = refName(ref);
  if (!ctx.seen.has(name)) {
    ctx.seen.add(name);
    ctx.pending.push(name);
  }
  return name;
}

/** Statements that check `value` (an expression) at `pointer` (a template-literal body) against `schema`. */
function check(
  ctx: Context,
  schema: JsonObject,
  value: string,
  pointer: string,
  label: string,
  /** Whether null is allowed besides the schema's types; "runtime" when the caller decides (the `nullable` argument). */
  nullable: boolean | "runtime",
  indent: string,
): string[] {
  checkKeywords(schema, label);
  if (typeof schema.$ref === "string") {
    const allowNull = nullable === "runtime" ? "nullable" : String(nullable);
    return [`${indent}${useRef(ctx, schema.$ref)}(${value}, \`${pointer}\`, c, ${allowNull});`];
  }
  const alternatives = branches(schema);
  if (alternatives.length > 0) {
    const inner = nullableAlternative(schema);
    if (inner) {
      return [
        `${indent}if (${value} !== null) {`,
        ...check(ctx, inner, value, pointer, label, true, `${indent}  `),
        `${indent}}`,
      ];
    }
    const refs = alternatives.map((alternative) => {
      if (!isObject(alternative) || typeof alternative.$ref !== "string") {
        throw new Error(`validators: ${label} has a oneOf/anyOf alternative that is not a $ref`);
      }
      return useRef(ctx, alternative.$ref);
    });
    const allowNull = nullable === "runtime" ? "nullable" : String(nullable);
    return [
      `${indent}c.oneOf(${value}, \`${pointer}\`, [${refs.map((r) => `[${literal(r)}, ${r}]`).join(", ")}], ${allowNull});`,
    ];
  }
  const types = typesOf(schema);
  const allows =
    nullable === "runtime" && !types.includes("null")
      ? `(nullable ? ${literal([...types, "null"])} : ${literal(types)})`
      : literal([...types, ...(nullable === true && !types.includes("null") ? ["null"] : [])]);
  const hasTypes = types.length > 0;
  const lines: string[] = [];
  const then: string[] = [];
  if (schema.enum !== undefined)
    then.push(`c.enum(${value}, \`${pointer}\`, ${literal(schema.enum)}, ${literal(label)});`);
  if (schema.const !== undefined)
    then.push(`c.enum(${value}, \`${pointer}\`, ${literal([schema.const])}, ${literal(label)});`);
  if (typeof schema.format === "string")
    then.push(`c.format(${value}, \`${pointer}\`, ${literal(schema.format)}, ${literal(label)});`);
  if (isObject(schema.items)) {
    const item = `${value.replace(/\W/g, "_")}_item`;
    then.push(
      `if (Array.isArray(${value})) ${value}.forEach((${item}: unknown, i: number) => {`,
      ...check(ctx, schema.items, item, `${pointer}/\${i}`, `${label}[]`, false, "  "),
      "});",
    );
  }
  if (isObject(schema.properties)) {
    throw new Error(`validators: ${label} declares properties inline; make it a named schema`);
  }
  if (hasTypes) {
    lines.push(
      then.length === 0
        ? `${indent}c.type(${value}, \`${pointer}\`, ${allows}, ${literal(label)});`
        : `${indent}if (c.type(${value}, \`${pointer}\`, ${allows}, ${literal(label)})) {`,
    );
    if (then.length > 0) lines.push(...then.map((line) => `${indent}  ${line}`), `${indent}}`);
  } else {
    lines.push(...then.map((line) => `${indent}${line}`));
  }
  return lines;
}

// The generated code's pointer expressions are template-literal bodies, written here as plain strings.
const atPointer = "$" + "{at}";

/** The function that checks one named schema. */
function validatorFunction(ctx: Context, name: string): string {
  const schema = deref(ctx.spec, ctx.spec.components.schemas[name] as Json) as JsonObject;
  if (!isObject(schema)) throw new Error(`validators: no schema ${name}`);
  checkKeywords(schema, name);
  const doc = `/** Checks a value against \`${name}\`. */`;
  const head = `function ${name}(value: unknown, at: string, c: Checker, nullable: boolean): void {`;
  if (!isObject(schema.properties)) {
    return [doc, head, ...check(ctx, schema, "value", atPointer, name, "runtime", "  "), "}", ""].join("\n");
  }
  if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== "boolean") {
    throw new Error(
      `validators: ${name} has a schema for additionalProperties, which the generator does not check`,
    );
  }
  const lines = [
    doc,
    head,
    `  const found = c.object(value, at, ${literal(name)}, nullable);`,
    "  if (!found) return;",
    "  const [v, p] = found;",
  ];
  if (Array.isArray(schema.required) && schema.required.length > 0) {
    lines.push(`  c.required(v, p, ${literal(schema.required)}, ${literal(name)});`);
  }
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isObject(property)) continue;
    const access = `v[${literal(key)}]`;
    lines.push(
      `  if (Object.hasOwn(v, ${literal(key)})) {`,
      ...check(ctx, property, access, `\${p}/${pointerKey(key)}`, `${name}.${key}`, false, "    "),
      "  }",
    );
  }
  lines.push("}", "");
  return lines.join("\n");
}

/** What the checker needs to know of each described object: its properties' base types, and which hold one. */
function shape(spec: SpecDocument, name: string): JsonObject | undefined {
  const schema = deref(spec, spec.components.schemas[name] as Json) as JsonObject;
  if (!isObject(schema.properties)) return undefined;
  const properties: JsonObject = {};
  const objects: JsonObject = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isObject(property)) continue;
    properties[key] = baseType(spec, property);
    const target = nullableAlternative(property) ?? property;
    if (typeof target.$ref === "string") {
      const child = deref(spec, target) as JsonObject;
      if (isObject(child.properties)) objects[key] = refName(target.$ref);
    }
  }
  return {
    properties,
    objects,
    open: schema.additionalProperties !== false,
  };
}

/** The response schema of each operation, by status as the spec writes it ("200", "4XX", "default"). */
function responseSchemas(spec: SpecDocument): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const pathItem of Object.values(spec.paths)) {
    for (const operation of Object.values(pathItem as JsonObject)) {
      const op = operation as JsonObject;
      if (typeof op.operationId !== "string") continue;
      const byStatus: Record<string, string> = {};
      for (const [status, response] of Object.entries(op.responses as JsonObject)) {
        const json = ((deref(spec, response) as JsonObject).content as JsonObject | undefined)?.[
          "application/json"
        ];
        const schema = isObject(json) ? json.schema : undefined;
        if (!isObject(schema) || typeof schema.$ref !== "string") {
          throw new Error(
            `validators: ${op.operationId} ${status}: the JSON response schema must be a named component`,
          );
        }
        byStatus[status] = refName(schema.$ref);
      }
      out[op.operationId] = byStatus;
    }
  }
  return out;
}

/** The generated module's source, without the do-not-edit header. */
export function validatorsModule(spec: SpecDocument): string {
  const responses = responseSchemas(spec);
  const roots = [...new Set(Object.values(responses).flatMap((byStatus) => Object.values(byStatus)))];
  const ctx: Context = { spec, pending: [...roots], seen: new Set(roots) };
  const functions: string[] = [];
  for (let name = ctx.pending.shift(); name !== undefined; name = ctx.pending.shift()) {
    functions.push(validatorFunction(ctx, name));
  }
  const names = [...ctx.seen];
  const shapes = Object.fromEntries(
    names.flatMap((name) => {
      const s = shape(spec, name);
      return s ? [[name, s]] : [];
    }),
  );
  const responseTable = Object.entries(responses)
    .map(
      ([operationId, byStatus]) =>
        `  ${literal(operationId)}: {\n${Object.entries(byStatus)
          .map(([status, name]) => `    ${literal(status)}: ${literal(name)},`)
          .join("\n")}\n  },`,
    )
    .join("\n");
  return [
    'import type { Checker } from "../drift/checker.js";',
    "",
    ...functions,
    "/** Each schema's validator, by the schema's name in the spec. */",
    `export const validators: Record<string, (value: unknown, at: string, c: Checker, nullable: boolean) => void> = {`,
    ...names.map((name) => `  ${literal(name)}: ${name},`),
    "};",
    "",
    "/** The properties of each described object, by base JSON type; `objects` names those that hold a described object. */",
    `export const shapes: Record<string, { properties: Record<string, string>; objects: Record<string, string>; open: boolean }> = ${JSON.stringify(shapes, null, 2)};`,
    "",
    '/** The schema of each operation\'s JSON response, by status as the spec writes it ("200", "4XX", "default"). */',
    `export const responses: Record<string, Record<string, string>> = {\n${responseTable}\n};`,
    "",
  ].join("\n");
}
