/**
 * For any string as an id: either `InvalidParameterError` naming that parameter and no request at all, or
 * exactly one request whose path has the template's segments and whose variable segments decode back to
 * the input. No network: the client's `fetch` is a recorder.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { InvalidParameterError } from "../../src/index.js";
import { checkRequestAgainstSpec } from "../support/openapi-document.js";
import { expectInstance } from "../support/outcome.js";
import type { RecordedRequest } from "../support/request-recorder.js";
import {
  anyId,
  basePath,
  call,
  type Ids,
  numRuns,
  type OperationId,
  recordingClient,
  segmentsOf,
  settle,
  templates,
  validIds,
} from "./arbitraries.js";

beforeAll(() => {
  // Defaults must come only from what a test passes.
  for (const name of [
    "CLOUDFLARE_ACCOUNT_ID",
    "REALTIMEKIT_APP_ID",
    "CLOUDFLARE_BASE_URL",
    "CLOUDFLARE_API_TOKEN",
  ]) {
    vi.stubEnv(name, undefined);
  }
});
afterAll(() => {
  vi.unstubAllEnvs();
});

/** The property's conclusion for one settled call. */
function expectRefusedOrExact(
  outcome: Awaited<ReturnType<typeof settle>>,
  requests: RecordedRequest[],
  operation: OperationId,
  ids: Ids,
  param: string,
  paramAliases: string[] = [],
) {
  if (!outcome.ok) {
    const error = expectInstance(outcome.error, InvalidParameterError);
    expect([param, ...paramAliases]).toContain(error.param);
    expect(requests, "a refused call sends nothing").toHaveLength(0);
    return;
  }
  expect(requests, "an accepted call sends exactly one request").toHaveLength(1);
  const url = requests[0]?.url ?? "";
  const sent = segmentsOf(url);
  const template = templates[operation].split("/");
  expect(sent, url).toHaveLength(template.length);
  template.forEach((segment, i) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name === undefined) expect(sent[i], url).toBe(segment);
    else expect(decodeURIComponent(sent[i] ?? ""), `${name} in ${url}`).toBe(ids[name]);
  });
  // What was accepted is also what the spec allows (e.g. never empty, at most 32 code points).
  expect(checkRequestAgainstSpec(url, basePath).problems).toEqual([]);
}

const cases = (Object.keys(validIds) as OperationId[]).flatMap((operation) =>
  Object.keys(validIds[operation]).map((param) => ({ operation, param })),
);

describe("any string as an id, passed to the call", () => {
  test.each(cases)("$operation: $param", async ({ operation, param }) => {
    await fc.assert(
      fc.asyncProperty(anyId, async (value) => {
        const { create, requests } = recordingClient();
        const ids = { ...validIds[operation], [param]: value };
        const outcome = await settle(() => call(create(), operation, ids));
        expectRefusedOrExact(outcome, requests, operation, ids, param);
      }),
      { numRuns },
    );
  });
});

describe("any string as the client's default account or app id", () => {
  test.each([
    { option: "accountId", param: "account_id" },
    { option: "appId", param: "app_id" },
  ] as const)("$option", async ({ option, param }) => {
    await fc.assert(
      fc.asyncProperty(
        anyId,
        fc.constantFrom<OperationId>("getSessionParticipantDetails", "getParticipantDataFromPeerId"),
        async (value, operation) => {
          const valid = validIds[operation];
          const { create, requests } = recordingClient({
            accountId: valid.account_id,
            appId: valid.app_id,
            [option]: value,
          });
          const { account_id: _a, app_id: _b, ...rest } = valid;
          const outcome = await settle(() => call(create(), operation, rest));
          expectRefusedOrExact(outcome, requests, operation, { ...valid, [param]: value }, param, [option]);
        },
      ),
      { numRuns },
    );
  });
});

describe("ids the spec allows are always sent", () => {
  const shortId = fc
    .oneof(
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 32 }),
      fc.string({ unit: "binary", minLength: 1, maxLength: 32 }).filter((s) => !/\p{Cc}/u.test(s)),
    )
    .filter((s) => s !== "." && s !== "..");
  const uuid = fc.oneof(
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
  );

  test.each(cases)("$operation: $param", async ({ operation, param }) => {
    const arbitrary = param === "account_id" || param === "app_id" ? shortId : uuid;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        const { create, requests } = recordingClient();
        const ids = { ...validIds[operation], [param]: value };
        const outcome = await settle(() => call(create(), operation, ids));
        expect(outcome).toMatchObject({ ok: true });
        expectRefusedOrExact(outcome, requests, operation, ids, param);
      }),
      { numRuns },
    );
  });
});

describe("examples the properties must cover", () => {
  // Dot segments survive encodeURIComponent and URLs resolve them, even as %2e%2e.
  test.each(["", ".", "..", "a/b", "%2e%2e", "\ud800", "x".repeat(33)])("account_id %j", async (value) => {
    const { create, requests } = recordingClient();
    const ids = { ...validIds.getParticipantDataFromPeerId, account_id: value };
    const outcome = await settle(() => call(create(), "getParticipantDataFromPeerId", ids));
    expectRefusedOrExact(outcome, requests, "getParticipantDataFromPeerId", ids, "account_id");
  });
});
