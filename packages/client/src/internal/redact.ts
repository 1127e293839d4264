/**
 * Keeping the token out of what the client hands back. A server that echoes the request, or a runtime
 * that keeps the bytes it could not parse, would otherwise put `Authorization: Bearer <token>` into an
 * error's message, body, headers or cause.
 */

const hide = (text: string, token: string): string => text.split(token).join("[redacted]");

/**
 * A copy of a response body or header value with the token cut out. Deeper than 64 levels a body is cut
 * off: a hostile one nested deeper would overflow the stack here, or in the `JSON.stringify` of whoever
 * logs the error.
 */
export const redact = (value: unknown, token: string, depth = 0): unknown =>
  typeof value === "string"
    ? hide(value, token)
    : !value || typeof value !== "object"
      ? value
      : depth >= 64
        ? "[truncated]"
        : Array.isArray(value)
          ? value.map((item) => redact(item, token, depth + 1))
          : Object.fromEntries(
              Object.entries(value).map(([k, v]) => [hide(k, token), redact(v, token, depth + 1)]),
            );

/**
 * The runtime's error itself, with the token cut out of the strings on it and its causes, in place so
 * that its class and stack stay as they are. Node's fetch keeps the bytes it could not parse on its
 * error: from a server that echoes the request (or a port that does not speak HTTP), they are the request.
 */
export const scrub = (error: unknown, token: string, depth = 0): unknown => {
  if (depth < 8 && error && typeof error === "object") {
    for (const key of Object.getOwnPropertyNames(error)) {
      const value: unknown = Object.getOwnPropertyDescriptor(error, key)?.value;
      if (typeof value === "string" && value.includes(token)) Reflect.set(error, key, hide(value, token));
    }
    scrub((error as { cause?: unknown }).cause, token, depth + 1);
    if (error instanceof AggregateError) for (const inner of error.errors) scrub(inner, token, depth + 1);
  }
  return error;
};
