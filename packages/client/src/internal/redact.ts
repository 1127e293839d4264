/**
 * Keeping the token out of what the client hands back. A server that echoes the request, or a runtime
 * that keeps the bytes it could not parse, would otherwise put `Authorization: Bearer <token>` into an
 * error's message, body, headers or cause.
 */

/** The values to hide: the token, or the Global API Key and its email. */
export type Secrets = string | readonly string[];

/** `text` with every occurrence of each secret replaced by `[redacted]`. */
export const hide = (text: string, secrets: Secrets): string =>
  [secrets].flat().reduce((out, secret) => (secret ? out.split(secret).join("[redacted]") : out), text);

/**
 * A copy of a response body or header value with the token cut out. Deeper than 64 levels a body is cut
 * off: a hostile one nested deeper would overflow the stack here, or in the `JSON.stringify` of whoever
 * logs the error.
 */
export const redact = (value: unknown, token: Secrets, depth = 0): unknown =>
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

const fields = ["name", "message", "code", "errno", "syscall", "address", "port"] as const;

/**
 * A plain copy of a thrown value for an error's `cause`: its `name`, `message`, `code`, `errno`,
 * `syscall`, `address` and `port` when they are strings or numbers, the token cut out of each, and its own
 * `cause` by the same rule, 4 levels deep at most. Nothing else is read: a custom `fetch`'s error may carry
 * the request, its headers or its options, and a property that throws when read is left out.
 */
export const copyError = (error: unknown, token: Secrets, depth = 0): Record<string, unknown> | undefined => {
  if (error == null || depth > 4) return;
  if (Object(error) !== error) return { message: hide(String(error), token) };
  const copy: Record<string, unknown> = {};
  for (const key of fields) {
    try {
      const value = (error as Record<string, unknown>)[key];
      if (typeof value === "string") copy[key] = hide(value, token);
      if (typeof value === "number") copy[key] = value;
    } catch {}
  }
  try {
    copy.cause = copyError((error as { cause?: unknown }).cause, token, depth + 1);
  } catch {}
  return copy;
};
