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
 * @throws {TypeError} when `query` is not an object, or a value is not a string, number, boolean or a
 * list of them; the message names the parameter. The API has no query parameter that takes an object.
 */
export function querySerializer(query: { readonly [name: string]: unknown }): string {
  if (query === null || typeof query !== "object" || Array.isArray(query)) {
    throw new TypeError("querySerializer: the query must be an object of parameters");
  }
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value == null) continue;
    // A name the spec does not define goes in OpenAPI's default, form with explode. An own property only:
    // `constructor` or `toString` is a parameter name here, not Object's.
    const explode = !Object.hasOwn(styles, name) || styles[name]?.explode !== false;
    const values = (Array.isArray(value) ? value : [value]).map((item) => encodeValue(name, item));
    if (values.length === 0) continue;
    const key = encodeURIComponent(name);
    // Style form: `name=a&name=b` exploded, `name=a,b` not, the comma as it is (an encoded one is data).
    parts.push(explode ? values.map((v) => `${key}=${v}`).join("&") : `${key}=${values.join(",")}`);
  }
  return parts.join("&");
}

function encodeValue(name: string, value: unknown): string {
  if (!["string", "number", "boolean", "bigint"].includes(typeof value)) {
    throw new TypeError(
      `querySerializer: query parameter ${name} must be a string, number, boolean or a list of them (got ${value === null ? "null" : typeof value})`,
    );
  }
  return encodeURIComponent(String(value));
}
