import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonText, visible } from "../../src/encode.js";
import { controlAndFormat, rawUnsafe } from "../support/run-cli.js";

describe("visible: text from outside, safe on a terminal", () => {
  it.each([
    // The examples: a display name that clears the screen and retitles the window, and an API
    // error message that erases its own line and prints a fake success.
    ["Mallory\x1b[2J\x1b[H\x1b]0;title\x07", "Mallory\\x1b[2J\\x1b[H\\x1b]0;title\\x07"],
    ["not found\x1b[2K\r\x1b[32m✔ all good", "not found\\x1b[2K\\r\\x1b[32m✔ all good"],
    // C1: a one-character CSI, and NEL, which some terminals take as a line break.
    ["a\u009b2Jb\u0085c", "a\\x9b2Jb\\x85c"],
    // Bidi overrides and isolates, which reorder what is shown; zero-width characters, which hide text.
    ["admin\u202egnp.exe", "admin\\u202egnp.exe"],
    ["\u2066x\u2069\u200b\u200d\u200f\u2028\u2029", "\\u2066x\\u2069\\u200b\\u200d\\u200f\\u2028\\u2029"],
    // Tab and newline, which would break a table or fake a second line; DEL; a lone surrogate.
    ["a\tb\nc\x7f\ud800", "a\\tb\\nc\\x7f\\ud800"],
    // Astral format characters: tag characters, which can smuggle invisible text.
    ["\u{e0041}\u{e007f}", "\\u{e0041}\\u{e007f}"],
  ])("%j → %s", (input, shown) => {
    expect(visible(input)).toBe(shown);
  });

  it("leaves ordinary text alone, backslashes, accents, CJK and emoji included", () => {
    const text = "C:\\path café 日本語 👩‍🔬".replace("\u200d", "");
    expect(visible(text)).toBe(text);
  });

  it("escapes every control and format code point, and shows which one it was", () => {
    expect(controlAndFormat.length).toBeGreaterThan(150);
    for (const code of controlAndFormat) {
      const shown = visible(String.fromCodePoint(code));
      expect(shown).not.toMatch(rawUnsafe);
      expect(shown.startsWith("\\")).toBe(true);
      const hex = /^\\(?:x|u\{?)([0-9a-f]+)\}?$/.exec(shown)?.[1];
      if (hex) expect(Number.parseInt(hex, 16)).toBe(code);
    }
  });

  const hostile = fc
    .array(
      fc.oneof(
        fc.string({ unit: "grapheme" }),
        fc.constantFrom(...controlAndFormat).map((c) => String.fromCodePoint(c)),
      ),
    )
    .map((parts) => parts.join(""));

  it("property: nothing a terminal acts on survives, and encoding twice changes nothing more", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = visible(text);
        expect(shown).not.toMatch(rawUnsafe);
        expect(visible(shown)).toBe(shown);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: --json output is exact JSON of the same data, with no raw control or format character", () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, fc.oneof(hostile, fc.array(hostile), fc.integer())), (value) => {
        const text = jsonText({ data: value });
        expect(JSON.parse(text)).toEqual({ data: value });
        for (const line of text.split("\n")) expect(line).not.toMatch(rawUnsafe);
      }),
      { numRuns: 500 },
    );
  });

  it("writes unsafe characters in JSON as \\u escapes, an astral one as its surrogate pair", () => {
    expect(jsonText({ name: "a\u009b\u202e\u{e0041}\x1b" })).toBe(
      '{\n  "name": "a\\u009b\\u202e\\udb40\\udc41\\u001b"\n}',
    );
  });
});
