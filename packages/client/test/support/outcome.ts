/** Small helpers for asserting how a call settled. */
import { expect } from "vitest";

/** The reason `promise` rejected with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected a rejection, got a value: ${JSON.stringify(value)?.slice(0, 200)}`);
}

/** Asserts `value instanceof ctor` and returns it typed. */
export function expectInstance<T>(value: unknown, ctor: abstract new (...args: never[]) => T): T {
  expect(value).toBeInstanceOf(ctor);
  return value as T;
}

/** Reads a header from whatever an error keeps its headers in: `Headers`, or a plain record. */
export function headerOf(headers: unknown, name: string): string | null | undefined {
  if (headers instanceof Headers) return headers.get(name);
  if (headers && typeof headers === "object") {
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return entry === undefined ? undefined : String(entry[1]);
  }
  return undefined;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
