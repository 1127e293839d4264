import type { ParticipantFilter } from "@realtimekit-api/types";
import { InvalidParameterError } from "./errors.js";
import { participantFilters, pathParameterRules } from "./generated/spec.js";

/**
 * The listed name nearest to `key` when it is a near miss: the same but for case, `-` or `_`, or at most
 * two letters added, dropped or changed (`filter`, `includePeerEvents`, `timeOut`); else undefined.
 */
export const nearest = (key: string, names: readonly string[]): string | undefined => {
  const plain = (name: string) => name.toLowerCase().replace(/[-_]/g, "");
  return names.find((name) => plain(name) === plain(key)) ?? names.find((name) => distance(key, name) <= 2);
};

// Levenshtein distance, one row at a time.
const distance = (a: string, b: string): number => {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] as number;
};

/** What a value is, in a message: `a string`, `an array`, `a Map`, `null`. */
const kind = (value: unknown): string => {
  const name =
    value === null
      ? "null"
      : typeof value !== "object"
        ? typeof value
        : Array.isArray(value)
          ? "array"
          : Object.hasOwn(Object.getPrototypeOf(value) ?? {}, "constructor") &&
            (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } }).constructor?.name;
  if (name === "null") return name;
  return typeof name === "string" && name
    ? `${/^[aeioAEIO]/.test(name) ? "an" : "a"} ${name}`
    : "an object of another kind";
};

/**
 * A call's parameters or options object: `undefined` is `{}`; anything but a plain object (of any realm,
 * or with no prototype) is refused as `param`, and so is any own key not in `names`, which the message
 * lists (with the nearest one when it is a near miss). `elsewhere` says where a key that belongs to another
 * argument goes instead (`peer_id` is the first argument).
 */
export const keysParam = (
  param: string,
  value: unknown,
  names: readonly string[],
  what: string,
  elsewhere: Record<string, string> = {},
): Record<string, unknown> => {
  if (value === undefined) return {};
  const proto = value !== null && typeof value === "object" && Object.getPrototypeOf(value);
  if (proto !== null && (!proto || Object.getPrototypeOf(proto))) {
    const filter = (participantFilters as readonly unknown[]).includes(value)
      ? `{ filters: "${value}" }, `
      : "";
    throw new InvalidParameterError(
      param,
      `must be ${filter}an object of ${what} (${names.join(", ")}), not ${kind(value)}`,
    );
  }
  for (const key of Object.keys(value as object)) {
    if (names.includes(key)) continue;
    const near = nearest(key, names);
    throw new InvalidParameterError(
      key,
      `is not one of ${what}: ${(Object.hasOwn(elsewhere, key) && elsewhere[key]) || `they are ${names.join(", ")}${near ? `; did you mean ${near}?` : ""}`}`,
    );
  }
  return value as Record<string, unknown>;
};

const uuid = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i;

/**
 * A path parameter checked against the spec's rule. Besides the rule, "." and ".." are refused (URLs
 * resolve them, even percent-encoded, which would change the path) and so are lone surrogates (they
 * cannot be percent-encoded).
 */
export const pathParam = (name: keyof typeof pathParameterRules, value: unknown): string => {
  const rule: { maxLength?: number; format?: string } = pathParameterRules[name];
  if (
    typeof value !== "string" ||
    (rule.maxLength
      ? !value ||
        [...value].length > rule.maxLength ||
        value === "." ||
        value === ".." ||
        /\p{Cs}/u.test(value)
      : !uuid.test(value))
  ) {
    throw new InvalidParameterError(
      name,
      rule.maxLength ? `must be 1 to ${rule.maxLength} characters` : "must be a UUID",
    );
  }
  return value;
};

/** `filters` as a de-duplicated list of known values; refused if any is not one the spec lists. */
export const filtersParam = (value: unknown): ParticipantFilter[] | undefined => {
  if (value === undefined) return;
  const list = [value].flat();
  if (list.some((filter) => !(participantFilters as readonly unknown[]).includes(filter))) {
    throw new InvalidParameterError("filters", `must be among ${participantFilters}`);
  }
  return [...new Set(list)] as ParticipantFilter[];
};

/** A boolean query parameter, which is sent only when given. */
export const booleanParam = (name: string, value: unknown): boolean | undefined => {
  if (value !== undefined && typeof value !== "boolean")
    throw new InvalidParameterError(name, "must be a boolean");
  return value;
};

/** A count of milliseconds or retries: a whole number from `min` to `max`; `fallback` when not given. */
export const countParam = (name: string, value: unknown, fallback: number, max: number, min = 0): number => {
  const n = value === undefined ? fallback : value;
  if (!Number.isSafeInteger(n) || (n as number) < min || (n as number) > max) {
    throw new InvalidParameterError(name, `must be an integer from ${min} to ${max}`);
  }
  return n as number;
};

/** Headers checked before they are sent, so that a CR, LF or NUL cannot split or end a header. */
export const headersParam = <T extends object | undefined>(headers: T, param = "headers"): T => {
  // A string or a list would be spread into headers named 0, 1, 2…
  if (headers != null && (typeof headers !== "object" || Array.isArray(headers))) {
    throw new InvalidParameterError(param, "must be an object of header names and values");
  }
  for (const [name, value] of Object.entries(headers ?? {})) headerParam(name, value);
  return headers;
};

/** One header: a string, number or boolean, or a list of them; null or undefined leaves it out. */
export const headerParam = (name: string, value: unknown): void => {
  // `Headers` refuses bad names and code points above 0xFF too, but with a TypeError that names nothing;
  // an object it would send as "[object Object]", and a symbol it refuses with a TypeError.
  const values = value == null ? [] : Array.isArray(value) ? [...value] : [value];
  if (
    !/^[\w!#$%&'*+.^`|~-]+$/.test(name) ||
    values.some((v) => !/^(string|number|boolean)$/.test(typeof v) || /[\0\r\n]|[^\0-\xff]/.test(String(v)))
  ) {
    throw new InvalidParameterError(name, "is not a valid header");
  }
};

/** The caller's `signal`: an `AbortSignal`, or an object that works like one (another realm's, a polyfill). */
export const signalParam = (value: unknown): AbortSignal | undefined => {
  if (value == null) return undefined;
  const signal = value as AbortSignal;
  if (
    typeof signal.aborted !== "boolean" ||
    typeof signal.addEventListener !== "function" ||
    typeof signal.removeEventListener !== "function"
  ) {
    throw new InvalidParameterError("signal", "must be an AbortSignal");
  }
  return signal;
};
