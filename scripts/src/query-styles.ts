import { deref, type Json, type JsonObject, type SpecDocument } from "./spec.js";

/** How a query parameter goes on the wire: OpenAPI's `style` and `explode`. */
export interface QueryStyle {
  style: "form";
  explode: boolean;
}

const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * Each query parameter's `style` and `explode`, by name, with OpenAPI 3.1's defaults filled in (`form`;
 * `explode` true for `form`). Throws, naming the parameter, for what the types package's serializer cannot
 * write (a style other than `form`, object values, `allowReserved`, `content`) and for one name serialised
 * two ways by two operations.
 */
export function queryStyles(spec: SpecDocument): Record<string, QueryStyle> {
  const styles = new Map<string, QueryStyle>();
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    const item = pathItem as JsonObject;
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.has(method)) continue;
      const op = operation as JsonObject;
      const where = `${method.toUpperCase()} ${path}`;
      for (const ref of [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])]) {
        const p = deref(spec, ref) as JsonObject;
        if (p.in !== "query") continue;
        const style = queryStyle(spec, p, `${where}: query parameter ${p.name}`);
        const seen = styles.get(p.name as string);
        if (seen && (seen.style !== style.style || seen.explode !== style.explode)) {
          throw new Error(
            `spec: ${where}: query parameter ${p.name} is sent as ${JSON.stringify(style)} here and as ${JSON.stringify(seen)} elsewhere; one querySerializer cannot do both`,
          );
        }
        styles.set(p.name as string, style);
      }
    }
  }
  return Object.fromEntries(styles);
}

function queryStyle(spec: SpecDocument, p: JsonObject, name: string): QueryStyle {
  const unsupported = (what: string) =>
    new Error(
      `spec: ${name} ${what}, which the types package's querySerializer cannot write; extend packages/types/src/query-serializer.ts and scripts/src/query-styles.ts together`,
    );
  if (p.content !== undefined) throw unsupported("uses `content`");
  if (p.allowReserved === true) throw unsupported("sets `allowReserved`");
  const style = p.style ?? "form";
  // The only style the serializer writes, and the only one the API uses: add others when the spec does.
  if (style !== "form") throw unsupported(`has style ${JSON.stringify(style)}`);
  const schema = deref(spec, (p.schema ?? {}) as Json) as JsonObject;
  const types = [schema.type].flat();
  if (types.includes("object")) throw unsupported("takes an object");
  if (types.includes("array")) {
    const items = deref(spec, (schema.items ?? {}) as Json) as JsonObject;
    if ([items.type].flat().some((t) => t === "array" || t === "object")) {
      throw unsupported("takes a list of lists or objects");
    }
  }
  return { style, explode: p.explode !== false };
}

/** The generated module for packages/types/src/generated/query.ts (after the do-not-edit header). */
export function queryStylesModule(spec: SpecDocument): string {
  return [
    "/**",
    " * How each query parameter goes on the wire, by name: the spec's `style` and `explode`, with OpenAPI's",
    " * defaults filled in. `querySerializer` (src/query-serializer.ts) writes queries by this table.",
    " */",
    `export const queryParameterStyles = ${JSON.stringify(queryStyles(spec), null, 2)} as const;`,
    "",
  ].join("\n");
}
