import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repo } from "../src/paths.js";
import { compareWithPage, readReferencePage } from "../src/reference.js";
import { loadSpec } from "../src/spec.js";
import { editText, scratchRepo } from "./support/scratch.js";

const referenceDir = `${repo.root}spec/reference`;
const pages = readdirSync(referenceDir).filter((f) => f.endsWith(".txt"));

describe("the spec says what the reference pages say", () => {
  it("has a page for each operation", () => {
    expect(pages.sort()).toEqual([
      "get-participant-data-from-peer-id.txt",
      "get-session-participant-details.txt",
    ]);
  });

  it.each(pages)(
    "%s: every parameter and field, with its description, type, constraint and enum, and the example",
    (file) => {
      const page = readReferencePage(`${referenceDir}/${file}`);
      expect(page.fields.length).toBeGreaterThan(10);
      expect(compareWithPage(loadSpec(repo.specFile), page)).toEqual([]);
    },
  );
});

describe("the comparison fails when the spec and a page disagree", () => {
  const participantPage = () => readReferencePage(`${referenceDir}/get-session-participant-details.txt`);
  const mutate = (from: string, to: string) => {
    const layout = scratchRepo();
    editText(layout.specFile, from, to);
    return compareWithPage(loadSpec(layout.specFile), participantPage());
  };

  it("on a changed field description", () => {
    expect(
      mutate("description: Minutes consumed attributed to this event.", "description: Minutes."),
    ).toContain(
      'getSessionParticipantDetails: response field minutes_consumed should be described as "Minutes consumed attributed to this event."',
    );
  });

  it("on a dropped enum value", () => {
    expect(
      mutate(
        "enum: [GROUP_CALL, WEBINAR, AUDIO_ROOM, LIVESTREAM, CHAT, null]",
        "enum: [GROUP_CALL, WEBINAR, AUDIO_ROOM, LIVESTREAM, null]",
      ),
    ).toContain(
      "getSessionParticipantDetails: response field preset_view_type should have the enum GROUP_CALL,WEBINAR,AUDIO_ROOM,LIVESTREAM,CHAT",
    );
  });

  it("on a lost constraint", () => {
    expect(
      mutate("        type: string\n        maxLength: 32\n    app_id:", "        type: string\n    app_id:"),
    ).toContain("getSessionParticipantDetails: parameter account_id should have maxLength 32");
  });

  it("on a field that is not nullable", () => {
    expect(
      mutate(
        '        user_id:\n          type: [string, "null"]\n          description: User id for this participant.\n\n    PeerEvent:',
        "        user_id:\n          type: string\n          description: User id for this participant.\n\n    PeerEvent:",
      ),
    ).toContain("getSessionParticipantDetails: response field user_id should be nullable");
  });

  it("on a field the page does not list", () => {
    const problems = mutate(
      "        preset_name:\n",
      "        nickname:\n          type: string\n        preset_name:\n",
    );
    expect(problems.join("\n")).toMatch(/response fields are .*nickname.* but the page lists/);
  });

  it("on a changed example value", () => {
    const layout = scratchRepo();
    editText(
      `${layout.root}spec/examples/get-session-participant-details.json`,
      '"duration": 0',
      '"duration": 1',
    );
    expect(compareWithPage(loadSpec(layout.specFile), participantPage())).toEqual([
      "getSessionParticipantDetails: the documented example is not the page's, value for value",
    ]);
  });
});
