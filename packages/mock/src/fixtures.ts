import type { Json } from "./routes.js";

/** A deep partial of a response's record: objects merge key by key, anything else replaces. */
export type Fixture = { [key: string]: unknown };

/**
 * Records a test pinned by id, merged over the generated (or documented) answer for those ids.
 * Keys are compared as the path carries them after decoding.
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

/** The key of a participant fixture: its session and participant ids. */
export function participantKey(sessionId: string, participantId: string): string {
  return `${sessionId}/${participantId}`;
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
