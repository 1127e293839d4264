/**
 * For any subset of the filters, with repeats and in any order, the query string round-trips: `filters`
 * once, a literal comma between the de-duplicated values, nothing encoded, absent when empty; and
 * `include_peer_events` only when given. Anything outside the enum is refused before any request.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InvalidParameterError } from "../../src/index.js";
import { checkRequestAgainstSpec, specFilters } from "../support/openapi-document.js";
import { expectInstance } from "../support/outcome.js";
import {
  basePath,
  call,
  numRuns,
  type OperationId,
  recordingClient,
  settle,
  validIds,
} from "./arbitraries.js";

const filter = fc.constantFrom(...specFilters);
const operation = fc.constantFrom<OperationId>(
  "getSessionParticipantDetails",
  "getParticipantDataFromPeerId",
);

/** The raw `name=value` pairs of a URL's query, in order, undecoded. */
function queryPairs(url: string): Array<[string, string]> {
  const search = new URL(url).search.slice(1);
  if (search === "") return [];
  return search.split("&").map((pair): [string, string] => {
    const eq = pair.indexOf("=");
    return eq === -1 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

describe("filters", () => {
  test("any subset, with repeats, in any order, round-trips through the query string", async () => {
    await fc.assert(
      fc.asyncProperty(
        operation,
        fc.array(filter, { maxLength: 12 }),
        fc.boolean(),
        async (op, chosen, asString) => {
          const { create, requests } = recordingClient();
          // A single filter may be given bare, as the API reference allows.
          const filters = asString && chosen.length === 1 ? chosen[0] : chosen;
          const outcome = await settle(() => call(create(), op, validIds[op], { filters }));
          expect(outcome).toMatchObject({ ok: true });
          expect(requests).toHaveLength(1);
          const url = requests[0]?.url ?? "";
          const pairs = queryPairs(url).filter(([name]) => name === "filters");
          const unique = [...new Set(chosen)];
          if (unique.length === 0) {
            expect(pairs, url).toEqual([]);
            return;
          }
          expect(pairs, url).toHaveLength(1);
          const raw = pairs[0]?.[1] ?? "";
          expect(raw, url).not.toMatch(/%2C/i);
          expect(raw, url).not.toMatch(/ |\+|%20/);
          const sent = raw.split(",");
          expect(sent, url).toHaveLength(unique.length);
          expect([...sent].sort()).toEqual([...unique].sort());
          // URLSearchParams reads it back the same way a server would.
          expect(new URL(url).searchParams.getAll("filters")).toEqual([raw]);
          expect(checkRequestAgainstSpec(url, basePath).problems).toEqual([]);
        },
      ),
      { numRuns },
    );
  });

  test("anything outside the enum is refused, naming filters, with no request", async () => {
    const notAFilter = fc.oneof(
      fc.string().filter((s) => !specFilters.includes(s)),
      fc.constantFrom(
        "device_info,events",
        " device_info",
        "DEVICE_INFO",
        "events ",
        "",
        "%2C",
        "device_info%2Cevents",
      ),
      fc.constantFrom(null, 0, 1, true, {}, ["nope"]),
    );
    await fc.assert(
      fc.asyncProperty(
        operation,
        fc.array(filter, { maxLength: 4 }),
        notAFilter,
        fc.nat(4),
        fc.boolean(),
        async (op, valid, bad, at, bare) => {
          const { create, requests } = recordingClient();
          const list: unknown[] = [...valid];
          list.splice(Math.min(at, list.length), 0, bad);
          // A bare null may fairly mean "no filters"; inside a list it is a bad value.
          const filters = bare && bad !== null ? bad : list;
          const outcome = await settle(() => call(create(), op, validIds[op], { filters }));
          expect(outcome.ok).toBe(false);
          if (outcome.ok) return;
          expect(expectInstance(outcome.error, InvalidParameterError).param).toBe("filters");
          expect(requests).toHaveLength(0);
        },
      ),
      { numRuns },
    );
  });
});

describe("include_peer_events", () => {
  test("is sent as true or false only when given, once, next to any filters", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.boolean(), { nil: undefined }),
        fc.boolean(),
        fc.array(filter, { maxLength: 6 }),
        async (include, explicitUndefined, filters) => {
          const { create, requests } = recordingClient();
          const extra: Record<string, unknown> = { filters };
          if (include !== undefined || explicitUndefined) extra.include_peer_events = include;
          const op: OperationId = "getSessionParticipantDetails";
          const outcome = await settle(() => call(create(), op, validIds[op], extra));
          expect(outcome).toMatchObject({ ok: true });
          const url = requests[0]?.url ?? "";
          const pairs = queryPairs(url);
          const sent = pairs.filter(([name]) => name === "include_peer_events");
          expect(sent, url).toEqual(include === undefined ? [] : [["include_peer_events", String(include)]]);
          expect(
            pairs.map(([name]) => name).filter((n) => n !== "filters" && n !== "include_peer_events"),
          ).toEqual([]);
        },
      ),
      { numRuns },
    );
  });

  test("anything but a boolean is refused, naming include_peer_events, with no request", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.integer(), fc.constantFrom("true", "false", 0, 1, {}, [])),
        async (value) => {
          const { create, requests } = recordingClient();
          const op: OperationId = "getSessionParticipantDetails";
          const outcome = await settle(() =>
            call(create(), op, validIds[op], { include_peer_events: value }),
          );
          expect(outcome.ok).toBe(false);
          if (outcome.ok) return;
          expect(expectInstance(outcome.error, InvalidParameterError).param).toBe("include_peer_events");
          expect(requests).toHaveLength(0);
        },
      ),
      { numRuns },
    );
  });
});
