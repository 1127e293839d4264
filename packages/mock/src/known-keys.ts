/**
 * Throws a `TypeError` naming the first key of `value` that is not in `known`, so a misspelt option or
 * scripted field fails where it was written instead of being ignored (`unknownIDs`, `stauts`).
 * `what` names the key's kind ("option", "field") and `where` the call, for the message.
 */
export function checkKnownKeys(value: object, known: readonly string[], what: string, where: string): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new TypeError(`${where}: unknown ${what} ${JSON.stringify(unknown)}; known: ${known.join(", ")}`);
  }
}
