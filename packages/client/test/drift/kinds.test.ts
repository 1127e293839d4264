// Each kind of drift, found by its own check: breaking that check in src/drift/checker.ts fails its test.
import { describe, expect, it } from "vitest";
import { driftReport } from "../../src/drift/index.js";
import { InvalidParameterError } from "../../src/index.js";
import { documented } from "./documented.js";

const participant = () => documented("get-session-participant-details");
const peer = () => documented("get-participant-data-from-peer-id");
const found = (operationId: string, body: unknown, status?: number) =>
  driftReport(operationId, body, status).differences.map(({ pointer, kind, change }) => ({
    pointer,
    kind,
    change,
  }));

describe("what the spec documents gives no drift", () => {
  it("the documented examples of both operations", () => {
    expect(driftReport("getSessionParticipantDetails", participant())).toEqual({
      operationId: "getSessionParticipantDetails",
      status: 200,
      schema: "GetSessionParticipantDetailsResponse",
      differences: [],
    });
    expect(driftReport("getParticipantDataFromPeerId", peer()).differences).toEqual([]);
  });

  it("both documented error envelopes, at 4xx and 5xx", () => {
    const realtimekit = { success: false, error: { code: 404, message: "Participant not found" } };
    const gateway = {
      success: false,
      errors: [{ code: 10000, message: "Authentication error" }],
      messages: [],
      result: null,
    };
    expect(driftReport("getSessionParticipantDetails", realtimekit, 404)).toMatchObject({
      schema: "ErrorEnvelope",
      differences: [],
    });
    expect(driftReport("getParticipantDataFromPeerId", gateway, 403).differences).toEqual([]);
    expect(driftReport("getParticipantDataFromPeerId", realtimekit, 500).differences).toEqual([]);
  });

  it("null where the spec allows it, and absent optional properties", () => {
    expect(found("getParticipantDataFromPeerId", { data: null, success: true })).toEqual([]);
    expect(found("getSessionParticipantDetails", { data: { participant: { id: null } } })).toEqual([]);
  });

  it("any content in the spec's free-form objects (peer_report.metadata and .quality, peer_events items)", () => {
    const body = peer();
    body.data.peer_report.metadata = { device_info: { cpus: 8, os: "macOS" }, events: [{ name: "x" }] };
    body.data.peer_events = [{ id: "e1", anything: [1, 2] }];
    expect(found("getParticipantDataFromPeerId", body)).toEqual([]);
  });
});

describe("unknown-property", () => {
  it("a property no schema describes, though the schemas leave objects open: a minor change", () => {
    const body = participant();
    body.data.participant.nickname = "ada";
    expect(driftReport("getSessionParticipantDetails", body).differences).toEqual([
      {
        pointer: "/data/participant/nickname",
        kind: "unknown-property",
        expected: "no property `nickname` in Participant",
        actual: "string",
        change: "minor",
        suggestion: "add an optional property `nickname` (string) to Participant",
        summary:
          "getSessionParticipantDetails: unknown-property at /data/participant/nickname: expected no property `nickname` in Participant, got string",
      },
    ]);
  });

  it("at every level, escaped as a JSON pointer", () => {
    const body = participant();
    body.request_id = "r1";
    body.data.participant.peer_events[0]["a/b~c"] = 1;
    expect(found("getSessionParticipantDetails", body)).toEqual([
      { pointer: "/request_id", kind: "unknown-property", change: "minor" },
      { pointer: "/data/participant/peer_events/0/a~1b~0c", kind: "unknown-property", change: "minor" },
    ]);
  });

  it("named like Object.prototype's own properties: constructor, toString, __proto__", () => {
    const body = JSON.parse('{"data":{"constructor":1,"toString":"x","__proto__":{"a":1}},"success":true}');
    expect(found("getParticipantDataFromPeerId", body)).toEqual([
      { pointer: "/data/constructor", kind: "unknown-property", change: "minor" },
      { pointer: "/data/toString", kind: "unknown-property", change: "minor" },
      { pointer: "/data/__proto__", kind: "unknown-property", change: "minor" },
    ]);
  });

  it("names a possible rename only when one or two described properties of its type are absent", () => {
    const hint = (data: object) =>
      driftReport("getParticipantDataFromPeerId", { data, success: true }).differences[0]?.suggestion;
    expect(hint({ id: "p", role: "host" })).toBe(
      "add an optional property `role` (string) to PeerParticipant",
    );
    const { preset_name, ...withoutPreset } = peer().data;
    expect(preset_name).toBe("preset_name");
    expect(hint({ ...withoutPreset, role: "host" })).toBe(
      "add an optional property `role` (string) to PeerParticipant; `preset_name` (string) is absent: if `role` renames it, that rename is a major change",
    );
  });
});

describe("type", () => {
  it("a value of another JSON type: a major change", () => {
    const body = peer();
    body.data.duration = "12";
    expect(driftReport("getParticipantDataFromPeerId", body).differences).toEqual([
      {
        pointer: "/data/duration",
        kind: "type",
        expected: "number or null",
        actual: "string",
        change: "major",
        suggestion:
          "change PeerParticipant.duration from number or null to string (or widen it to number, string or null): a changed type is a major change",
        summary: "getParticipantDataFromPeerId: type at /data/duration: expected number or null, got string",
      },
    ]);
  });

  it("null where the spec does not allow it, a fraction for an integer, an object for an array", () => {
    const error = { success: false, error: { code: 404.5, message: null } };
    expect(found("getSessionParticipantDetails", error, 404)).toEqual([
      { pointer: "/error/code", kind: "type", change: "major" },
      { pointer: "/error/message", kind: "type", change: "major" },
    ]);
    const body = participant();
    body.data.participant.peer_events = { 0: body.data.participant.peer_events[0] };
    expect(found("getSessionParticipantDetails", body)).toEqual([
      { pointer: "/data/participant/peer_events", kind: "type", change: "major" },
    ]);
  });
});

describe("enum", () => {
  it("a value outside a response enum: a major change, one summary for every item it is in", () => {
    const body = participant();
    const event = body.data.participant.peer_events[0];
    body.data.participant.peer_events = [
      { ...event, event_name: "PEER_LEFT" },
      { ...event, event_name: "PEER_LEFT" },
    ];
    const { differences } = driftReport("getSessionParticipantDetails", body);
    expect(differences.map((d) => [d.pointer, d.kind, d.expected, d.actual, d.change])).toEqual([
      [
        "/data/participant/peer_events/0/event_name",
        "enum",
        "one of PEER_CREATED, PEER_JOINING, PEER_LEAVING or null",
        '"PEER_LEFT"',
        "major",
      ],
      [
        "/data/participant/peer_events/1/event_name",
        "enum",
        "one of PEER_CREATED, PEER_JOINING, PEER_LEAVING or null",
        '"PEER_LEFT"',
        "major",
      ],
    ]);
    expect(differences[0]?.suggestion).toBe(
      'add "PEER_LEFT" to the values of PeerEvent.event_name: a new value in a response enum is a major change',
    );
    expect(new Set(differences.map((d) => d.summary))).toEqual(
      new Set([
        'getSessionParticipantDetails: enum at /data/participant/peer_events/*/event_name: expected one of PEER_CREATED, PEER_JOINING, PEER_LEAVING or null, got "PEER_LEFT"',
      ]),
    );
  });

  it("a `const` that does not hold: success true in an error envelope", () => {
    expect(
      found("getSessionParticipantDetails", { success: true, error: { code: 1, message: "m" } }, 400),
    ).toEqual([{ pointer: "/success", kind: "enum", change: "major" }]);
  });
});

describe("format", () => {
  it("a string not in the spec's format: a major change", () => {
    const body = peer();
    body.data.session_id = "session-42";
    expect(driftReport("getParticipantDataFromPeerId", body).differences).toEqual([
      {
        pointer: "/data/session_id",
        kind: "format",
        expected: "uuid",
        actual: '"session-42"',
        change: "major",
        suggestion:
          "drop `format: uuid` from PeerParticipant.session_id, or give it the format the API uses: a changed format is a major change",
        summary:
          "getParticipantDataFromPeerId: format at /data/session_id: expected uuid, got another format",
      },
    ]);
  });
});

describe("envelope", () => {
  it("a body that is not a JSON object, such as the edge's HTML page", () => {
    expect(
      driftReport("getParticipantDataFromPeerId", "<html>502 Bad gateway</html>", 502).differences,
    ).toEqual([
      expect.objectContaining({
        pointer: "",
        kind: "envelope",
        expected: "a JSON object",
        actual: "string",
        suggestion:
          "the body is not a JSON object: the API changed its envelope, describe the new one in the spec",
      }),
    ]);
    expect(found("getSessionParticipantDetails", [participant()])).toEqual([
      { pointer: "", kind: "envelope", change: "major" },
    ]);
  });

  it("an error body in neither documented envelope", () => {
    expect(found("getParticipantDataFromPeerId", { success: false, message: "Peer not found" }, 404)).toEqual(
      [
        { pointer: "/message", kind: "unknown-property", change: "minor" },
        { pointer: "/error", kind: "envelope", change: "major" },
      ],
    );
  });

  it("a status the spec documents no response for", () => {
    expect(driftReport("getParticipantDataFromPeerId", "", 302).differences).toEqual([
      expect.objectContaining({ kind: "envelope", expected: "a status the spec documents (200, 4XX, 5XX)" }),
    ]);
  });

  it("the peer nested one level down reads as one finding, and is checked where it is", () => {
    const body = peer();
    body.data = { participant: { ...body.data, duration: "1" } };
    expect(driftReport("getParticipantDataFromPeerId", body).differences).toEqual([
      expect.objectContaining({
        pointer: "/data/participant",
        kind: "envelope",
        expected: "PeerParticipant at /data",
        actual: "PeerParticipant at /data/participant",
        change: "major",
      }),
      expect.objectContaining({ pointer: "/data/participant/duration", kind: "type" }),
    ]);
  });

  it("the participant spread into data, without its `participant` wrapper", () => {
    const body = participant();
    body.data = body.data.participant;
    expect(driftReport("getSessionParticipantDetails", body).differences).toEqual([
      expect.objectContaining({
        pointer: "/data",
        kind: "envelope",
        expected: "Participant at /data/participant",
        actual: "Participant's properties directly in /data",
        change: "major",
      }),
    ]);
  });

  it("the payload under another name, as in the gateway's v4 `result` envelope", () => {
    const { data } = peer();
    const body = { success: true, errors: [], messages: [], result: data };
    expect(found("getParticipantDataFromPeerId", body)).toEqual([
      { pointer: "/result", kind: "envelope", change: "major" },
      { pointer: "/errors", kind: "unknown-property", change: "minor" },
      { pointer: "/messages", kind: "unknown-property", change: "minor" },
    ]);
    expect(driftReport("getParticipantDataFromPeerId", body).differences[0]?.suggestion).toBe(
      "GetParticipantDataFromPeerIdResponse.data is answered as `result`: rename it in GetParticipantDataFromPeerIdResponse (a major change)",
    );
  });
});

describe("driftReport refuses what it cannot check", () => {
  it("an operation the spec does not have, naming the ones it has", () => {
    expect(() => driftReport("getSession", {})).toThrow(InvalidParameterError);
    expect(() => driftReport("getSession", {})).toThrow(
      "operationId must be one of getSessionParticipantDetails, getParticipantDataFromPeerId",
    );
  });

  it("an operation named like Object.prototype's own properties", () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      expect(() => driftReport(name, {})).toThrow(InvalidParameterError);
    }
  });

  it("a status that is not an HTTP status", () => {
    expect(() => driftReport("getParticipantDataFromPeerId", {}, 42)).toThrow(
      /^status must be an HTTP status/,
    );
    expect(() => driftReport("getParticipantDataFromPeerId", {}, Number.NaN)).toThrow(InvalidParameterError);
  });
});
