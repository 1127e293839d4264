/**
 * A parser for List structured fields (RFC 9651, "Structured Field Values for HTTP", §4.2.1), which is
 * what the `RateLimit` and `RateLimit-Policy` headers are. The `structured-headers` package does this
 * too, but its `parseList` alone is 2.1 kB min+gzip, a third of the client's browser budget; this one
 * follows the RFC's parsing algorithms with one sticky pattern per step and is checked against the RFC's
 * examples and, property by property, against `structured-headers` (test/rate-limit/).
 */

/**
 * A bare item: an Integer or Decimal as a number, a String unescaped, a Boolean; a Token, Byte Sequence,
 * Date or Display String as its text in the field (`{ raw }`), which nothing here needs decoded.
 */
export type BareItem = number | string | boolean | { raw: string };
/** An item's or inner list's parameters, by key; a key given twice keeps its last value (RFC 9651 §4.2.3.2). */
export type Parameters = Record<string, BareItem>;
/** An item with its parameters. */
export type Item = [BareItem, Parameters];
/** A member of a List: an item, or an inner list of items, with its parameters. */
export type ListMember = [BareItem | Item[], Parameters];

// Each alternative is one of §4.2.3.1's bare items, in the order of its first-character dispatch:
// decimal or integer (group 1), string (2), boolean (3), token, byte sequence, date, display string (4).
// A number followed by another digit or a dot is too long or malformed, so the lookahead fails it. A byte
// sequence must be whole base64 quanta, its padding optional (§4.2.7).
const bare =
  /(-?\d{1,12}\.\d{1,3}|-?\d{1,15})(?![\d.])|"((?:[ !#-[\]-~]|\\["\\])*)"|(\?[01])|[A-Za-z*][!#-'*+.^_`|~\w:/-]*|:(?:[A-Za-z\d+/]{4})*(?:[A-Za-z\d+/]{2}(?:==)?|[A-Za-z\d+/]{3}=?)?:|@-?\d{1,15}(?![\d.])|%"((?:[ !#$&-~]|%[\da-f]{2})*)"/y;
const key = /[a-z*][a-z\d_.*-]*/y;
const spaces = / */y;
const whitespace = /[ \t]*/y;

/**
 * The members of a List field, or `undefined` when the text is not a valid List: per RFC 9651 §4.2, a field
 * that fails to parse is ignored as a whole. Several field lines are given joined with `", "`, as
 * `Headers.get` joins them. Never throws.
 */
export const parseList = (input: string): ListMember[] | undefined => {
  let at = 0;
  const match = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(input);
    if (found) at = pattern.lastIndex;
    return found;
  };
  const fail = (): never => {
    throw at;
  };
  const bareItem = (): BareItem => {
    const [text, number, string, boolean, display] = match(bare) ?? fail();
    if (number) return +number;
    if (string !== undefined) return string.replace(/\\(.)/g, "$1");
    if (boolean) return boolean === "?1";
    // The bytes a Display String escapes must be UTF-8 (§4.2.10); decodeURIComponent throws when not.
    if (display !== undefined) decodeURIComponent(display);
    return { raw: text };
  };
  const parameters = (): Parameters => {
    const found: Parameters = {};
    while (input[at] === ";") {
      at++;
      match(spaces);
      const [name] = match(key) ?? fail();
      found[name] = input[at] === "=" && ++at ? bareItem() : true;
    }
    return found;
  };
  try {
    const members: ListMember[] = [];
    match(spaces);
    while (at < input.length) {
      let value: BareItem | Item[];
      if (input[at] === "(") {
        at++;
        value = [];
        for (;;) {
          match(spaces);
          if (input[at] === ")") break;
          value.push([bareItem(), parameters()]);
          if (input[at] !== " " && input[at] !== ")") fail();
        }
        at++;
      } else {
        value = bareItem();
      }
      members.push([value, parameters()]);
      match(whitespace);
      if (at < input.length) {
        if (input[at++] !== ",") fail();
        match(whitespace);
        // A trailing comma leaves an empty member, which §4.2.1 refuses.
        if (at >= input.length) fail();
      }
    }
    return members;
  } catch {
    return undefined;
  }
};
