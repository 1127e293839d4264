import type { ParticipantFilter } from "@realtimekit-api/types";
import { InvalidParameterError } from "./errors.js";
import { participantFilters, pathParameterRules } from "./generated/spec.js";

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
