import { shapes, validators } from "../generated/validators.js";
import type { DriftDifference, DriftKind } from "./types.js";

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  !!value && typeof value === "object" && !Array.isArray(value);

/** The JSON type of a value; a whole number is an `integer`, which is also a `number`. */
const jsonType = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "number"
        : typeof value;

const matches = (value: unknown, type: string) => {
  const actual = jsonType(value);
  return actual === type || (type === "number" && actual === "integer");
};

/** The base type a property is described by, from a value (`integer` is described as `number`). */
const describedType = (value: unknown) => (jsonType(value) === "integer" ? "number" : jsonType(value));

const words = (items: readonly string[], conjunction = "or") =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;

const preview = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

const pointerKey = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");
/** A pointer with its array indexes as `*`, so one drift in every item of an array reads as one. */
const pattern = (pointer: string) => pointer.replace(/\/\d+(?=\/|$)/g, "/*");
const place = (pointer: string) => pointer || "the body";

/** The formats the generated validators may ask for; the generator refuses any other. */
const formats: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Whether `object` has `key` itself: `in` would also find `constructor` or `__proto__` on every object. */
const has = (object: object, key: string) => Object.hasOwn(object, key);

/** How many of `value`'s keys the described `properties` hold. */
const overlap = (value: JsonObject, properties: Record<string, string>) =>
  Object.keys(value).filter((key) => has(properties, key)).length;

/**
 * What the generated validators (packages/client/src/generated/validators.ts) report to: each check that
 * fails becomes a `DriftDifference`. It also finds described objects that moved, so a peer nested one
 * level deeper reads as one `envelope` finding rather than a pile of unknown and missing properties.
 */
export class Checker {
  /** The differences found so far, in order. */
  readonly found: DriftDifference[] = [];

  constructor(readonly operationId: string) {}

  private add(
    pointer: string,
    kind: DriftKind,
    expected: string,
    actual: string,
    change: "minor" | "major",
    suggestion: string,
  ): void {
    const got = kind === "format" ? "another format" : kind === "envelope" ? pattern(actual) : actual;
    const summary = `${this.operationId}: ${kind} at ${place(pattern(pointer))}: expected ${pattern(expected)}, got ${got}`;
    this.found.push({ pointer, kind, expected, actual, change, suggestion, summary });
  }

  /** Reports a value of another JSON type than `allowed`; true when it is one of them. */
  type(value: unknown, at: string, allowed: readonly string[], label: string): boolean {
    if (allowed.some((type) => matches(value, type))) return true;
    const actual = jsonType(value) === "integer" ? "number" : jsonType(value);
    const expected = words(allowed);
    if (at === "") {
      this.add(
        at,
        "envelope",
        `a JSON ${expected}`,
        actual,
        "major",
        `the body is not a ${expected}: the API changed its envelope, describe the new one in the spec`,
      );
    } else {
      this.add(
        at,
        "type",
        expected,
        actual,
        "major",
        `change ${label} from ${expected} to ${actual} (or widen it to ${words([...allowed.filter((t) => t !== "null"), actual, ...(allowed.includes("null") ? ["null"] : [])])}): a changed type is a major change`,
      );
    }
    return false;
  }

  /** Reports a value outside the spec's enum or `const`. */
  enum(value: unknown, at: string, values: readonly unknown[], label: string): void {
    if (values.some((allowed) => allowed === value)) return;
    const actual = preview(value);
    this.add(
      at,
      "enum",
      `one of ${words(values.map((v) => (typeof v === "string" ? v : String(v))))}`,
      actual,
      "major",
      `add ${actual} to the values of ${label}: a new value in a response enum is a major change`,
    );
  }

  /** Reports a string that is not in the spec's `format`. */
  format(value: unknown, at: string, format: string, label: string): void {
    const test = formats[format];
    if (typeof value !== "string" || !test || test.test(value)) return;
    this.add(
      at,
      "format",
      format,
      preview(value),
      "major",
      `drop \`format: ${format}\` from ${label}, or give it the format the API uses: a changed format is a major change`,
    );
  }

  /** Reports required properties that are absent. */
  required(value: JsonObject, at: string, keys: readonly string[], name: string): void {
    for (const key of keys) {
      if (has(value, key)) continue;
      this.add(
        `${at}/${pointerKey(key)}`,
        "envelope",
        `property \`${key}\` (${name} requires it)`,
        "absent",
        "major",
        `make ${name}.${key} optional, or describe the envelope the API answers with instead: a major change`,
      );
    }
  }

  /** Checks a value against the best-fitting of several schemas; reports the differences from that one. */
  oneOf(
    value: unknown,
    at: string,
    alternatives: readonly [string, (value: unknown, at: string, c: Checker, nullable: boolean) => void][],
    nullable: boolean,
  ): void {
    if (value === null && nullable) return;
    let best: DriftDifference[] | undefined;
    for (const [, validate] of alternatives) {
      const trial = new Checker(this.operationId);
      validate(value, at, trial, false);
      const weight = (found: DriftDifference[]) =>
        found.filter((d) => d.kind !== "unknown-property").length * 1000 + found.length;
      if (!best || weight(trial.found) < weight(best)) best = trial.found;
      if (best.length === 0) return;
    }
    this.found.push(...(best ?? []));
  }

  /**
   * Checks that `value` is an object described by `name`, reports its undescribed properties, and finds the
   * described object when it moved: one level down (`{ participant: {…} }` where the peer was expected),
   * under another name, or with a child's properties spread into it. Answers the object to check the
   * properties of, and its pointer, or undefined when there is none.
   */
  object(value: unknown, at: string, name: string, nullable: boolean): [JsonObject, string] | undefined {
    if (!isObject(value)) {
      this.type(value, at, nullable ? ["object", "null"] : ["object"], name);
      return undefined;
    }
    const shape = has(shapes, name) ? shapes[name] : undefined;
    if (!shape) throw new Error(`no shape for ${name}`);
    const { properties } = shape;
    let object = value;
    let pointer = at;
    const own = overlap(object, properties);
    const wrapper = Object.keys(object).find(
      (key) =>
        !has(properties, key) &&
        isObject(object[key]) &&
        overlap(object[key] as JsonObject, properties) >= 2 &&
        overlap(object[key] as JsonObject, properties) > own,
    );
    if (wrapper !== undefined) {
      const inner = `${at}/${pointerKey(wrapper)}`;
      this.add(
        inner,
        "envelope",
        `${name} at ${place(at)}`,
        `${name} at ${inner}`,
        "major",
        `${name} moved one level down, under \`${wrapper}\`: describe ${place(at)} as an object whose \`${wrapper}\` is ${name} (a major change)`,
      );
      this.unknown(object, at, name, new Set([wrapper]));
      object = object[wrapper] as JsonObject;
      pointer = inner;
    }
    const claimed = new Set<string>();
    for (const [property, child] of Object.entries(shape.objects)) {
      const childShape = shapes[child];
      if (has(object, property) || !childShape) continue;
      const free = Object.keys(object).filter((key) => !has(properties, key) && !claimed.has(key));
      const renamed = free.find(
        (key) => isObject(object[key]) && overlap(object[key] as JsonObject, childShape.properties) >= 2,
      );
      const expected = `${child} at ${pointer}/${pointerKey(property)}`;
      if (renamed !== undefined) {
        claimed.add(renamed);
        const found = `${pointer}/${pointerKey(renamed)}`;
        this.add(
          found,
          "envelope",
          expected,
          `${child} at ${found}`,
          "major",
          `${name}.${property} is answered as \`${renamed}\`: rename it in ${name} (a major change)`,
        );
        validators[child]?.(object[renamed], found, this, false);
        continue;
      }
      const spread = free.filter((key) => has(childShape.properties, key));
      if (spread.length >= 2 && spread.length * 2 >= free.length) {
        for (const key of spread) claimed.add(key);
        this.add(
          pointer,
          "envelope",
          expected,
          `${child}'s properties directly in ${place(pointer)}`,
          "major",
          `${child} is no longer wrapped in \`${property}\`: describe its properties directly in ${name} (a major change)`,
        );
        validators[child]?.(
          Object.fromEntries(spread.map((key) => [key, object[key]])),
          pointer,
          this,
          false,
        );
      }
    }
    this.unknown(object, pointer, name, claimed);
    return [object, pointer];
  }

  /**
   * Reports each property of `object` that `name` does not describe, with a rename hint when one or two
   * described properties of the same type are absent.
   */
  private unknown(object: JsonObject, at: string, name: string, skip: Set<string>): void {
    const properties = shapes[name]?.properties ?? {};
    for (const key of Object.keys(object)) {
      if (has(properties, key) || skip.has(key)) continue;
      const type = describedType(object[key]);
      const absent = Object.keys(properties).filter((p) => !has(object, p) && properties[p] === type);
      // A rename is worth naming only when few described properties of that type are missing.
      const hint =
        absent.length === 0 || absent.length > 2
          ? ""
          : `; ${words(
              absent.map((p) => `\`${p}\``),
              "and",
            )} (${type}) ${absent.length === 1 ? "is" : "are"} absent: if \`${key}\` renames ${absent.length === 1 ? "it" : "one of them"}, that rename is a major change`;
      this.add(
        `${at}/${pointerKey(key)}`,
        "unknown-property",
        `no property \`${key}\` in ${name}`,
        type,
        "minor",
        `add an optional property \`${key}\` (${type}) to ${name}${hint}`,
      );
    }
  }
}
