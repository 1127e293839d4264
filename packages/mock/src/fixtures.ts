import type { Json } from "./routes.js";
import { isUuid } from "./validate.js";

/** A deep partial of a response's record: objects merge key by key, anything else replaces. */
export type Fixture = { [key: string]: unknown };

/**
 * Records a test pinned by id, merged over the generated (or documented) answer for those ids.
 * Keys come from {@link fixtureKey}, so a fixture matches its ids in either case.
 */
export class FixtureStore {
  readonly #records = new Map<string, Fixture>();

  set(key: string, partial: Fixture, what: string): void {
    if (typeof partial !== "object" || partial === null || Array.isArray(partial)) {
      throw new TypeError(`${what}: the fixture must be an object of fields to set`);
    }
    // A copy, so later changes to the caller's object do not change answers behind its back.
    this.#records.set(key, structuredClone(partial));
  }

  get(key: string): Fixture | undefined {
    return this.#records.get(key);
  }

  has(key: string): boolean {
    return this.#records.has(key);
  }

  delete(key: string): boolean {
    return this.#records.delete(key);
  }

  clear(): void {
    this.#records.clear();
  }
}

/**
 * The key of a fixture: its ids (session and participant, or peer) lower-cased, as UUIDs compare
 * case-insensitively (RFC 4122) and the generated data already treats them. Ids from a request's path
 * arrive validated; ids from a test (`what` names the call) are checked here, since a fixture under an id
 * no request can carry would be silently ignored.
 * @throws {TypeError} when an id given by a test is not a UUID, naming the argument and the value.
 */
export function fixtureKey(ids: Record<string, unknown>, what?: string): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(ids)) {
    if (what !== undefined && !isUuid(value)) {
      const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
      throw new TypeError(`${what}: ${name} must be a UUID (got ${shown})`);
    }
    parts.push(String(value).toLowerCase());
  }
  return parts.join("/");
}

/**
 * `over` merged into a copy of `base`: plain objects key by key, recursively; arrays, scalars and `null`
 * replace; `undefined` leaves the base value alone.
 */
export function deepMerge(base: Json, over: unknown): Json {
  if (over === undefined) return base;
  if (isPlainObject(over) && isPlainObject(base)) {
    const merged: { [key: string]: Json } = { ...base };
    for (const [key, value] of Object.entries(over)) {
      if (value === undefined) continue;
      merged[key] = deepMerge(base[key] ?? null, value);
    }
    return merged;
  }
  return structuredClone(over) as Json;
}

function isPlainObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
