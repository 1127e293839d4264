/**
 * How a response differed from the spec:
 * - `unknown-property`: a property the spec does not describe (reported although the schemas leave objects
 *   open: an undescribed property is drift all the same; only the spec's free-form objects take any content);
 * - `type`: a value of another JSON type than the spec's;
 * - `enum`: a value outside the spec's enum (or `const`);
 * - `format`: a string not in the spec's format (such as `uuid`);
 * - `envelope`: the answer's structure: a body that is not a JSON object, a required part missing, or a
 *   described object found somewhere else than the spec puts it (moved, wrapped or unwrapped).
 */
export type DriftKind = "unknown-property" | "type" | "enum" | "format" | "envelope";

/** One way a response body differs from the spec. */
export interface DriftDifference {
  /** Where, as an RFC 6901 JSON pointer into the body (`""` is the body itself). */
  pointer: string;
  kind: DriftKind;
  /** What the spec describes there, in words: `"string or null"`, `"one of PEER_CREATED, …"`. */
  expected: string;
  /** What came: a JSON type, a value (as JSON, cut to 80 characters) or, for `envelope`, where it was. */
  actual: string;
  /**
   * The semver weight of the spec change that would describe it, by CONTRIBUTING's table: `minor` for a
   * new optional property, `major` for a changed type, enum or format, or a moved object.
   */
  change: "minor" | "major";
  /** The spec change it suggests, in one sentence naming the schema and property. */
  suggestion: string;
  /**
   * One line naming the drift, the same for the same drift in every response (array indexes shown as `*`),
   * so a log can show each distinct drift once.
   */
  summary: string;
}

/** What `driftReport` found in one response body. */
export interface DriftReport {
  /** The operation whose response was checked, as the spec names it. */
  operationId: string;
  /** The HTTP status the body came with; it chose the response schema. */
  status: number;
  /** The response schema the body was checked against, by its name in the spec. */
  schema: string;
  /** Every difference, in the order found; empty when the body is what the spec describes. */
  differences: DriftDifference[];
}
