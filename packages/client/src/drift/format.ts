import type { DriftReport } from "./types.js";

// C0 and C1 controls, and the bidi and invisible format characters a terminal would act on or hide.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * `text` with its control and format characters shown as visible escapes (`\x1b`, `\u202e`), so that
 * property names and values from a response cannot move the cursor, clear a terminal or reorder a line.
 */
export const visible = (text: string): string =>
  text.replace(unsafe, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });

/**
 * A report as lines for a terminal or a log: per difference, `<change> <kind> at <pointer>: expected …,
 * got …` and an indented `suggests: …`; everything that came from the response shown by `visible`.
 */
export const driftLines = (report: DriftReport): string[] =>
  report.differences.flatMap((d) => [
    visible(`${d.change} ${d.kind} at ${d.pointer || "the body"}: expected ${d.expected}, got ${d.actual}`),
    visible(`  suggests: ${d.suggestion}`),
  ]);
