/**
 * Credentials as Cloudflare's API gateway checks them, before RealtimeKit sees a request: an API token
 * (`Authorization: Bearer <token>`), or an email with a Global API Key (`X-Auth-Email`, `X-Auth-Key`), as
 * Cloudflare's own SDK sends either. Nothing here knows HTTP servers: it takes a request's headers and says
 * whose request it is, or what to answer.
 */

/**
 * One credential the mock accepts: a token, or an email with its Global API Key. `permitted: false` marks a
 * credential the gateway knows but that lacks the Realtime permission: its requests get 403.
 */
export type MockCredential =
  | string
  | { token: string; permitted?: boolean | undefined }
  | { email: string; key: string; permitted?: boolean | undefined };

/** What the gateway says of a request's credentials. */
export type CredentialCheck =
  | { status: 200; identity: string }
  | { status: 401 | 403; identity: string | undefined };

// RFC 6750: the scheme, then a token.
const bearer = /^Bearer +(\S+)$/i;

/**
 * What a template string or a serializer makes of a missing variable: `${undefined}`, `String(null)`. The
 * real API refuses them as it refuses any unknown token; a mock that took them would hide the bug.
 */
const placeholder = /^(undefined|null|\[object Object\])?$/i;

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  // Sent twice, a credential is malformed.
  return Array.isArray(value) ? "" : value?.trim();
};

/**
 * Checks the credentials of one request against `listed` (any well-formed credential when not given). A
 * missing, empty, `undefined` or `null` credential, a token without the Bearer scheme, half a key pair or an
 * unlisted credential is a 401; a listed one marked `permitted: false` a 403. `identity` is what the
 * request quota is counted by: the token, or the email and key.
 */
export function checkCredentials(
  headers: Record<string, string | string[] | undefined>,
  listed: readonly MockCredential[] | undefined,
): CredentialCheck {
  const authorization = header(headers, "authorization");
  const email = header(headers, "x-auth-email");
  const key = header(headers, "x-auth-key");
  let identity: string | undefined;
  let entry: MockCredential | undefined;
  if (authorization !== undefined) {
    const token = bearer.exec(authorization)?.[1];
    if (token === undefined || placeholder.test(token)) return { status: 401, identity: undefined };
    identity = `token ${token}`;
    entry = listed?.find((c) => (typeof c === "string" ? c : "token" in c ? c.token : undefined) === token);
  } else {
    if (!email || !key || placeholder.test(email) || placeholder.test(key)) {
      return { status: 401, identity: undefined };
    }
    identity = `key ${email} ${key}`;
    entry = listed?.find((c) => typeof c === "object" && "key" in c && c.email === email && c.key === key);
  }
  if (!listed) return { status: 200, identity };
  if (entry === undefined) return { status: 401, identity };
  return typeof entry === "object" && entry.permitted === false
    ? { status: 403, identity }
    : { status: 200, identity };
}

/**
 * Throws a `TypeError` naming what is wrong with the `credentials` option: which entry, which field and
 * why, never the value itself (it is a credential).
 */
export function checkCredentialsOption(value: unknown): void {
  if (value === undefined) return;
  const fail = (what: string) => {
    throw new TypeError(
      `credentials${what}: give a list of tokens, { token, permitted? } or { email, key, permitted? }`,
    );
  };
  if (!Array.isArray(value)) fail(" must be an array");
  for (const [i, c] of (value as unknown[]).entries()) {
    const entry = typeof c === "string" ? { token: c } : c;
    if (entry === null || typeof entry !== "object") fail(`[${i}] is not a credential`);
    const { token, email, key, permitted, ...rest } = entry as Record<string, unknown>;
    const [unknown] = Object.keys(rest);
    if (unknown !== undefined) fail(`[${i}] has ${unknown}, not a field of a credential`);
    if (permitted !== undefined && typeof permitted !== "boolean") fail(`[${i}].permitted must be a boolean`);
    if (token !== undefined && (email !== undefined || key !== undefined)) {
      fail(`[${i}] has a token and a key pair: give one of them`);
    }
    for (const [field, s] of token !== undefined
      ? [["token", token]]
      : [
          ["email", email],
          ["key", key],
        ]) {
      if (!(typeof s === "string" && /^\S+$/.test(s) && !placeholder.test(s))) {
        fail(
          `[${i}].${field} can never match: it must be a string, not empty, without spaces, not "undefined" or "null"`,
        );
      }
    }
  }
}
