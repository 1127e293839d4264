import { describe, expect, it } from "vitest";
import { visible } from "../../src/encode.js";
import { useMock } from "../support/mock.js";
import { ids, rawUnsafe, runCli } from "../support/run-cli.js";

// Each writer gets text from outside with every kind of character a terminal acts on: the two
// examples (clear screen and retitle; erase the line and fake a success), a one-character CSI, a bidi
// override and a zero-width space.
const mallory = "Mallory\x1b[2J\x1b[H\x1b]0;title\x07";
const fakeSuccess = "not found\x1b[2K\r\x1b[32m✔ all good";
const sneaky = "a\u009b2Jb\u202ec\u200bd";
const shown = {
  mallory: "Mallory\\x1b[2J\\x1b[H\\x1b]0;title\\x07",
  fakeSuccess: "not found\\x1b[2K\\r\\x1b[32m✔ all good",
  sneaky: "a\\x9b2Jb\\u202ec\\u200bd",
};

const { server, env } = useMock();
const participant = (...extra: string[]) => ["participant", ids.session, ids.participant, ...extra];

/** No raw control, format or separator character on any line (the line breaks between lines aside). */
const expectSafe = (text: string) => {
  for (const line of text.split("\n")) expect(line).not.toMatch(rawUnsafe);
};

const participantBody = {
  success: true,
  data: {
    participant: {
      id: ids.participant,
      display_name: mallory,
      preset_name: sneaky,
      peer_events: [{ event_name: fakeSuccess, peer_id: "p\x1b[31m" }],
    },
  },
};

describe("every writer shows outside text as visible escapes", () => {
  it("a participant: heading, fields and the peer events table", async () => {
    server().script("getSessionParticipantDetails", [{ body: participantBody }]);
    const { code, stdout, stderr } = await runCli(participant("--include-peer-events"), env());
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expectSafe(stdout);
    expect(stdout).toContain(`Participant ${shown.mallory}\n`);
    expect(stdout).toMatch(new RegExp(` {2}preset +${shown.sneaky.replace(/\\/g, "\\\\")}\n`));
    expect(stdout).toContain(shown.fakeSuccess);
    expect(stdout).toContain("p\\x1b[31m");
  });

  it("a peer report: heading, fields, peer events, metadata keys and values, quality keys", async () => {
    server().script("getParticipantDataFromPeerId", [
      {
        body: {
          success: true,
          data: {
            id: ids.peer,
            display_name: mallory,
            peer_events: [{ event_name: fakeSuccess, peer_id: { note: fakeSuccess } }],
            peer_report: { metadata: { [sneaky]: mallory }, quality: { [mallory]: 1 } },
          },
        },
      },
    ]);
    const { code, stdout } = await runCli(["peer-report", ids.peer], env());
    expect(code).toBe(0);
    expectSafe(stdout);
    expect(stdout).toContain(`Peer ${shown.mallory}\n`);
    // A text cell of the events table shows the escapes; in a cell's brief JSON, JSON's own escapes stay
    // (\u001b) and the CR shows as \r.
    expect(stdout).toContain(shown.fakeSuccess);
    expect(stdout).toContain('{"note":"not found\\u001b[2K\\r\\u001b');
    expect(stdout).toContain(shown.sneaky);
    expect(stdout).toContain(`Quality keys (1)\n  ${shown.mallory}\n`);
  });

  it("--json: exact JSON of the body, with those characters as \\u escapes", async () => {
    server().script("getSessionParticipantDetails", [{ body: participantBody }]);
    const { code, stdout } = await runCli(participant("--json"), env());
    expect(code).toBe(0);
    expectSafe(stdout);
    expect(JSON.parse(stdout)).toEqual(participantBody);
    expect(stdout).toContain('"display_name": "Mallory\\u001b[2J\\u001b[H\\u001b]0;title\\u0007"');
    expect(stdout).toContain('"preset_name": "a\\u009b2Jb\\u202ec\\u200bd"');
  });

  it("an API error's message, entries and request id: the same text on stderr and, exact, in --json", async () => {
    const answer = {
      status: 404,
      // A header can carry bytes 0x80–0xFF, which fetch reads as Latin-1: U+009B here, after the
      // U+00C2 of the UTF-8 encoding the mock sends it in.
      headers: { "cf-ray": "8c2f0e7d\x9b2J-SJC" },
      body: { success: false, error: { code: 404, message: fakeSuccess } },
    };
    server().script("getSessionParticipantDetails", [answer, answer]);
    const human = await runCli(participant(), env());
    const json = await runCli(participant("--json"), env());
    expect(human.code).toBe(5);
    expect(json.code).toBe(5);
    expect(human.stdout).toBe("");
    expect(json.stderr).toBe("");
    expectSafe(human.stderr);
    expectSafe(json.stdout);
    const { error } = JSON.parse(json.stdout);
    // The client may tidy its message; whatever it says, the terminal gets it encoded.
    expect(error.message).toMatch(/^404 not found[\s\S]*✔ all good$/);
    expect(human.stderr.split("\n")[0]).toBe(
      `realtimekit participant: ${visible(error.message)} (request id ${visible(error.requestId)})`,
    );
    expect(human.stderr).toContain("\\x9b2J-SJC)");
    expect(error.errors).toEqual([{ code: 404, message: fakeSuccess }]);
    // The mock sends the header as UTF-8 or Latin-1; either way fetch reads U+009B.
    expect(error.requestId).toMatch(/^8c2f0e7dÂ?\x9b2J-SJC$/);
  });

  it.each([
    ["an unknown option", participant(`--fil\x1b[2Jters`), "unknown option '--fil\\x1b[2Jters'"],
    ["an unknown command", [`part\u202eicipant`], "unknown command 'part\\u202eicipant'"],
    ["a filter", participant("--filters", `events,${mallory}`), shown.mallory],
    ["a positional", participant().map((a) => (a === ids.session ? sneaky : a)), `"${shown.sneaky}"`],
    ["an option's value", participant("--timeout", "1\x1b[2J"), '"1\\x1b[2J"'],
  ])("echoed input: %s", async (_, args, expected) => {
    const { code, stderr } = await runCli(args, env());
    expect(code).toBeGreaterThan(1);
    expectSafe(stderr);
    expect(stderr).toContain(expected);
  });

  it("echoed environment: an account ID from CLOUDFLARE_ACCOUNT_ID", async () => {
    const { code, stderr } = await runCli(participant(), {
      ...env(),
      CLOUDFLARE_ACCOUNT_ID: `x${mallory}`.repeat(3),
    });
    expect(code).toBe(3);
    expectSafe(stderr);
    expect(stderr).toContain(
      `invalid CLOUDFLARE_ACCOUNT_ID "x${shown.mallory}x${shown.mallory.slice(0, 9)}…"`,
    );
  });
});
