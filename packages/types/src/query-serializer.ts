import { queryParameterStyles } from "./generated/query.js";

interface QueryStyle {
  readonly style: "form";
  readonly explode: boolean;
}

const styles: { readonly [name: string]: QueryStyle | undefined } = queryParameterStyles;

/**
 * Writes a query the way spec/openapi.yaml says it is sent, without the leading `?`: each parameter by its
 * `style` and `explode`, so `{ filters: ["device_info", "events"], include_peer_events: true }` becomes
 * `filters=device_info,events&include_peer_events=true`. Names and values are percent-encoded, delimiters
 * are not; `undefined`, `null` and empty lists are left out. Give it to openapi-fetch as
 * `createClient<paths>({ querySerializer })`, or append it to a URL for any other HTTP library.
 *
 * @throws {TypeError} when `query` is not a plain object (a `Map` or `URLSearchParams` is not), or a value
 * is not a string, number, boolean or a list of them, or a name or value holds a lone surrogate; the
 * message names the parameter. The API has no query parameter that takes an object.
 */
export function querySerializer(query: object): string {
  // A Map, URLSearchParams or Date holds no own entries: Object.entries would see none and send nothing.
  if (Object.prototype.toString.call(query) !== "[object Object]") {
    throw new TypeError("querySerializer: the query must be a plain object of parameters");
  }
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value == null) continue;
    // A name the spec does not define goes in OpenAPI's default, form with explode. An own property only:
    // `constructor` or `toString` is a parameter name here, not Object's.
    const explode = !Object.hasOwn(styles, name) || styles[name]?.explode !== false;
    // Array.from, not map: a hole in a list is read as undefined and refused, not skipped.
    const values = Array.from(Array.isArray(value) ? value : [value], (item) => encodeValue(name, item));
    if (values.length === 0) continue;
    const key = encodeValue(name, name);
    // Style form: `name=a&name=b` exploded, `name=a,b` not, the comma as it is (an encoded one is data).
    parts.push(explode ? values.map((v) => `${key}=${v}`).join("&") : `${key}=${values.join(",")}`);
  }
  return parts.join("&");
}

function encodeValue(name: string, value: unknown): string {
  const primitive = ["string", "number", "boolean", "bigint"].includes(typeof value);
  if (primitive) {
    try {
      return encodeURIComponent(String(value));
    } catch {
      // Its URIError names nothing: a lone surrogate has no UTF-8 form to percent-encode.
    }
  }
  // JSON.stringify shows a name's control characters and lone surrogates as escapes.
  throw new TypeError(
    `querySerializer: query parameter ${JSON.stringify(name)} ${
      primitive
        ? "has a lone surrogate (no UTF-8 form)"
        : `must be a string, number, boolean or a list of them (got ${value === null ? "null" : typeof value})`
    }`,
  );
}
