import type { ParticipantFilter } from "@realtimekit-api/client";
import { quoted } from "./encode.js";
import { CliError } from "./errors.js";

/** The values `--filters` takes, in the spec's order. */
export const participantFilters = [
  "device_info",
  "ip_information",
  "precall_network_information",
  "events",
  "quality_stats",
] as const satisfies readonly ParticipantFilter[];

// When the spec gains a filter, the generated type gains it and this line stops compiling until the list
// above has it too, so --help and the messages never fall behind the API.
const everyFilterListed: [Exclude<ParticipantFilter, (typeof participantFilters)[number]>] extends [never]
  ? true
  : false = true;
void everyFilterListed;

const known: readonly string[] = participantFilters;

/** A known filter that `text` is probably a slip for: a prefix of it, or it with a letter off. */
const nearest = (text: string): string | undefined => {
  const lower = text.toLowerCase().replace(/-/g, "_");
  return (
    known.find((f) => f === lower) ??
    known.find((f) => lower.length >= 3 && (f.startsWith(lower) || lower.startsWith(f)))
  );
};

/**
 * Every `--filters` value given (the flag may be repeated), as one de-duplicated list of filters, in the
 * order given. Throws `CliError` (`invalidInput`) naming the first bad item and the rule it broke.
 */
export function parseFilters(values: readonly string[] | undefined): ParticipantFilter[] | undefined {
  if (values === undefined) return undefined;
  const list: ParticipantFilter[] = [];
  for (const value of values) {
    for (const item of value.split(",")) {
      if (/\s/.test(item)) {
        throw new CliError(
          "invalidInput",
          `invalid --filters ${quoted(value)}: ${quoted(item)} has white space; separate filters with commas alone`,
          [
            `write it as ${value
              .split(",")
              .map((i) => i.trim())
              .filter(Boolean)
              .join(",")}`,
          ],
        );
      }
      if (item === "") {
        throw new CliError(
          "invalidInput",
          `invalid --filters ${quoted(value)}: an empty filter; leave no comma at either end or two together`,
        );
      }
      if (!known.includes(item)) {
        const guess = nearest(item);
        throw new CliError(
          "invalidInput",
          `invalid --filters ${quoted(value)}: ${quoted(item)} is not a filter`,
          [...(guess ? [`did you mean ${guess}?`] : []), `the filters are ${participantFilters.join(", ")}`],
        );
      }
      if (!list.includes(item as ParticipantFilter)) list.push(item as ParticipantFilter);
    }
  }
  return list;
}
