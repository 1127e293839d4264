// validateResponses and onDrift: the client checks success bodies against the spec only when asked to.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type DriftReport,
  driftReport,
  ResponseValidationError,
  responseValidator,
} from "../../src/drift/index.js";
import { InvalidParameterError, NotFoundError, RealtimeKitError } from "../../src/index.js";
import { client, fakeFetch, PEER, rejection, TOKEN } from "../fake-fetch.js";
import { documented } from "./documented.js";

const peerBody = () => documented("get-participant-data-from-peer-id");
const withRole = () => {
  const body = peerBody();
  body.data.role = "host";
  delete body.data.preset_name;
  return body;
};
const peer = (rtk: ReturnType<typeof client>) => rtk.sessions.getParticipantDataFromPeerId(PEER);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("validateResponses: off (the default)", () => {
  it("hands back a drifting body as it came, without checking or logging", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { fetch } = fakeFetch({ body: withRole() });
    await expect(peer(client(fetch))).resolves.toEqual(withRole());
    const onDrift = vi.fn();
    await expect(
      peer(client(fetch, { validateResponses: "off", responseValidator, onDrift })),
    ).resolves.toEqual(withRole());
    expect(onDrift).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('validateResponses: "report"', () => {
  it("passes each drifting response's report to onDrift and still answers with the body", async () => {
    const onDrift = vi.fn();
    const { fetch } = fakeFetch({ body: withRole() });
    await expect(
      peer(client(fetch, { validateResponses: "report", responseValidator, onDrift })),
    ).resolves.toEqual(withRole());
    expect(onDrift).toHaveBeenCalledTimes(1);
    const [report] = onDrift.mock.calls[0] as [DriftReport];
    expect(report).toEqual(driftReport("getParticipantDataFromPeerId", withRole()));
    expect(report.differences.map((d) => d.pointer)).toEqual(["/data/role"]);
  });

  it("calls nothing for a body the spec describes", async () => {
    const onDrift = vi.fn();
    const { fetch } = fakeFetch({ body: peerBody() });
    await peer(client(fetch, { validateResponses: "report", responseValidator, onDrift }));
    expect(onDrift).not.toHaveBeenCalled();
  });

  it("by default logs one warn line per distinct drift, not one per response", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const moved = { data: { participant: withRole().data }, success: true };
    const { fetch } = fakeFetch({ body: withRole() }, { body: withRole() }, { body: moved });
    const rtk = client(fetch, { validateResponses: "report", responseValidator });
    await peer(rtk);
    await peer(rtk);
    expect(warn.mock.calls).toEqual([
      [
        "realtimekit: the API answered outside the spec: getParticipantDataFromPeerId: unknown-property at /data/role: expected no property `role` in PeerParticipant, got string; suggests: add an optional property `role` (string) to PeerParticipant; `preset_name` (string) is absent: if `role` renames it, that rename is a major change",
      ],
    ]);
    await peer(rtk);
    expect(warn.mock.calls.slice(1).map(([line]) => (line as string).split(": expected")[0])).toEqual([
      "realtimekit: the API answered outside the spec: getParticipantDataFromPeerId: envelope at /data/participant",
      "realtimekit: the API answered outside the spec: getParticipantDataFromPeerId: unknown-property at /data/participant/role",
    ]);
  });

  it("logs through the client's logger, and not below logLevel warn", async () => {
    const lines: string[] = [];
    const logger = {
      error: () => {},
      warn: (line: string) => lines.push(line),
      info: () => {},
      debug: () => {},
    };
    const { fetch } = fakeFetch({ body: withRole() });
    await peer(client(fetch, { validateResponses: "report", responseValidator, logger }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^realtimekit: the API answered outside the spec: getParticipantDataFromPeerId: /,
    );
    await peer(client(fetch, { validateResponses: "report", responseValidator, logger, logLevel: "error" }));
    expect(lines).toHaveLength(1);
  });

  it("does not check error answers: their class already says what came", async () => {
    const onDrift = vi.fn();
    const { fetch } = fakeFetch({ status: 404, body: { success: false, message: "gone" } });
    const error = await rejection(
      peer(client(fetch, { validateResponses: "throw", responseValidator, onDrift })),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(onDrift).not.toHaveBeenCalled();
  });
});

describe('validateResponses: "throw"', () => {
  it("reports, then rejects with ResponseValidationError carrying the report and the body", async () => {
    const onDrift = vi.fn();
    const { fetch } = fakeFetch({ body: withRole() });
    const error = await rejection(
      peer(client(fetch, { validateResponses: "throw", responseValidator, onDrift })),
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(RealtimeKitError);
    const { report, body, name, message } = error as ResponseValidationError;
    expect(name).toBe("ResponseValidationError");
    expect(message).toBe(
      "getParticipantDataFromPeerId: the 200 response differs from the spec in 1 place, first unknown-property at /data/role: expected no property `role` in PeerParticipant, got string",
    );
    expect(report).toEqual(driftReport("getParticipantDataFromPeerId", withRole()));
    expect(body).toEqual(withRole());
    expect(onDrift).toHaveBeenCalledWith(report);
  });

  it("gives plain data to JSON.stringify, as the client's other errors do", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { fetch } = fakeFetch({ body: withRole() });
    const error = await rejection(peer(client(fetch, { validateResponses: "throw", responseValidator })));
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: "ResponseValidationError",
      message: error.message,
      report: { operationId: "getParticipantDataFromPeerId", differences: [{ pointer: "/data/role" }] },
      body: withRole(),
    });
  });

  it("answers a body the spec describes", async () => {
    const { fetch } = fakeFetch({ body: peerBody() });
    await expect(peer(client(fetch, { validateResponses: "throw", responseValidator }))).resolves.toEqual(
      peerBody(),
    );
  });

  it("keeps the token out of the report and the error, when a server echoes it", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const body = peerBody();
    body.data.session_id = TOKEN;
    const { fetch } = fakeFetch({ body });
    const error = await rejection(peer(client(fetch, { validateResponses: "throw", responseValidator })));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(JSON.stringify((error as ResponseValidationError).report)).not.toContain(TOKEN);
    expect(JSON.stringify((error as ResponseValidationError).body)).not.toContain(TOKEN);
    expect(error.message).not.toContain(TOKEN);
  });
});

describe("the options are checked when the client is made", () => {
  it.each([
    [
      { validateResponses: "throw" },
      "responseValidator",
      'responseValidator must be given: import it from "@realtimekit-api/client/drift"',
    ],
    [
      { validateResponses: "report", responseValidator: {} },
      "responseValidator",
      'responseValidator must be given: import it from "@realtimekit-api/client/drift"',
    ],
    [
      { validateResponses: "strict", responseValidator },
      "validateResponses",
      'validateResponses must be "off", "report" or "throw"',
    ],
    [
      { validateResponses: "report", responseValidator, onDrift: "log" },
      "onDrift",
      "onDrift must be a function",
    ],
  ])("%j", (options, param, message) => {
    const { fetch } = fakeFetch();
    const make = () => client(fetch, options as never);
    expect(make).toThrow(InvalidParameterError);
    expect(make).toThrow(expect.objectContaining({ param, message }));
  });

  it("takes anything for onDrift and responseValidator while validation is off", () => {
    const { fetch } = fakeFetch();
    expect(() =>
      client(fetch, { validateResponses: "off", onDrift: "x", responseValidator: 1 } as never),
    ).not.toThrow();
  });
});
