import { describe, expect, it } from "vitest";
import { checkExamples } from "../src/check-examples.js";
import { editJson, editText, participantExample, peerExample, scratchRepo } from "./support/scratch.js";

const checksOf = (problems: { check: string }[]) => [...new Set(problems.map((p) => p.check))].sort();

describe("check:examples", () => {
  it("passes on the committed spec, examples and generated types", () => {
    expect(checkExamples()).toEqual([]);
  });

  it("keeps passing when only the examples' values change", () => {
    const layout = scratchRepo();
    editJson(participantExample(layout), (e) => {
      const p = e.value.data.participant;
      p.display_name = "Ada Lovelace";
      p.duration = 12.5;
      p.peer_events[0].event_name = "PEER_LEAVING";
      p.peer_events[0].preset_view_type = "WEBINAR";
    });
    editJson(peerExample(layout), (e) => {
      e.value.data.peer_report.quality = { mos: 4.2, packet_loss: [0, 0.01] };
      e.value.success = false;
    });
    expect(checkExamples(layout)).toEqual([]);
  });

  it("fails at compile time and in the schema when an example gains an undocumented field", () => {
    const layout = scratchRepo();
    editJson(participantExample(layout), (e) => {
      e.value.data.participant.nickname = "ada";
    });
    const problems = checkExamples(layout);
    expect(checksOf(problems)).toEqual(["schema", "types"]);
    expect(problems.map((p) => p.message).join("\n")).toContain("nickname");
  });

  it("fails when an example has a wrong type", () => {
    const layout = scratchRepo();
    editJson(peerExample(layout), (e) => {
      e.value.data.duration = "0";
    });
    const problems = checkExamples(layout);
    expect(checksOf(problems)).toEqual(["schema", "types"]);
    expect(problems.find((p) => p.check === "schema")?.message).toContain("/data/duration");
  });

  it("fails when an example uses a value outside an enum", () => {
    const layout = scratchRepo();
    editJson(participantExample(layout), (e) => {
      e.value.data.participant.peer_events[0].event_name = "PEER_VANISHED";
    });
    expect(checksOf(checkExamples(layout))).toEqual(["schema", "types"]);
  });

  it("fails when the generated types drift from the examples", () => {
    const layout = scratchRepo();
    editText(layout.generatedTypesFile, "duration?: number | null;", "duration?: string | null;");
    const problems = checkExamples(layout);
    expect(checksOf(problems)).toEqual(["types"]);
    expect(problems[0]?.example).toContain("getSessionParticipantDetails");
  });

  it("fails when a schema property appears in no documented example", () => {
    const layout = scratchRepo();
    editJson(participantExample(layout), (e) => {
      delete e.value.data.participant.user_id;
    });
    const problems = checkExamples(layout);
    expect(problems).toEqual([
      expect.objectContaining({
        check: "completeness",
        message: expect.stringContaining("participant.user_id"),
      }),
    ]);
  });

  it("fails when the spec documents a property no example shows", () => {
    const layout = scratchRepo();
    editText(
      layout.specFile,
      '        user_id:\n          type: [string, "null"]\n          description: User id for this participant.\n\n    PeerEvent:',
      '        user_id:\n          type: [string, "null"]\n          description: User id for this participant.\n        nickname:\n          type: string\n\n    PeerEvent:',
    );
    const problems = checkExamples(layout);
    expect(problems.map((p) => p.message)).toContain(
      "GetSessionParticipantDetailsResponse.data.participant.nickname is in the schema but in no documented example",
    );
  });
});
