/**
 * Output encoding: the one place that decides which characters may reach a terminal as they are.
 *
 * Text we did not write (API data, API error messages, echoed command lines) can hold characters that a
 * terminal acts on instead of showing: C0 and C1 controls (ESC starts a sequence that can clear the
 * screen, move the cursor or retitle the window; U+009B is a one-character CSI), line and paragraph
 * separators, and the format characters that reorder or hide text (bidi overrides and isolates, zero-width
 * spaces and joiners). Like `git` and `gh`, we show them as visible escapes rather than drop them, so what
 * was there can still be seen. Lone surrogates, which no terminal can show, are escaped too.
 */

/** Control (Cc), format (Cf), line and paragraph separator (Zl, Zp) and lone surrogate (Cs) code points. */
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

const named: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** The visible escape of one unsafe code point: `\n`, `\x1b`, `\u202e` or `\u{e0041}`. */
const escapeOne = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  return (
    named[char] ??
    (code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`)
  );
};

/**
 * `text` safe to write to a terminal: every control, format, separator and lone surrogate code point is
 * replaced by its visible escape; everything else, backslashes included, is left as it is. Applying it
 * twice changes nothing more, so a width measured on its result stays true after the writer applies it.
 */
export const visible = (text: string): string => text.replace(unsafe, escapeOne);

/**
 * `text` from outside, echoed in a message: in double quotes, encoded by `visible`, and cut to `max` code
 * points with an ellipsis, so a long or hostile value cannot take over the line.
 */
export const quoted = (text: string, max = 48): string => {
  const points = [...visible(text)];
  return `"${points.length > max ? `${points.slice(0, max - 1).join("")}…` : points.join("")}"`;
};

// JSON.stringify already writes C0 controls and lone surrogates inside strings as escapes, and the only raw
// control characters it leaves are the line breaks of its own indentation, outside any string.
const unsafeInJson = /[\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * `value` as JSON (`indent` spaces deep, default 2; 0 for one line, as NDJSON) that is safe to print: the same data `JSON.stringify` gives, with
 * every unsafe code point written as a `\uXXXX` escape (a surrogate pair for an astral one), which any JSON
 * parser reads back to the same string.
 */
export const jsonText = (value: unknown, indent = 2): string =>
  // Outside strings, JSON text is ASCII, so every code point found here sits inside a string literal,
  // where a \u escape means the same character.
  (JSON.stringify(value, null, indent) ?? "null").replace(unsafeInJson, (char) =>
    [...Array(char.length).keys()].map((i) => `\\u${hex(char.charCodeAt(i), 4)}`).join(""),
  );
