import { execFile, execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { colorEnabled, type Stream } from "../../src/output.js";
import { useMock } from "../support/mock.js";
import { bin, ids, rawUnsafe, runCli } from "../support/run-cli.js";

const has = (command: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

// Select Graphic Rendition sequences: the only escape sequences the CLI writes itself.
const sgr = new RegExp(`${"\x1b"}\\[[\\d;]*m`, "g");
const bad = ["participant", ids.session, ids.participant, "--mock", "--filters", "bogus"];
const good = ["participant", ids.session, ids.participant, "--mock", "--include-peer-events"];

describe("colour: on a terminal that has it, never when piped, NO_COLOR and FORCE_COLOR honoured", () => {
  const tty = { isTTY: true, hasColors: () => true, write: () => true };
  const pipe = { write: () => true };
  it.each<[Stream, Record<string, string>, boolean]>([
    [tty, {}, true],
    [tty, { NO_COLOR: "1" }, false],
    [tty, { NO_COLOR: "" }, true],
    [tty, { FORCE_COLOR: "0" }, false],
    [tty, { FORCE_COLOR: "false" }, false],
    [{ ...tty, hasColors: () => false }, {}, false],
    [pipe, {}, false],
    [pipe, { FORCE_COLOR: "1" }, true],
    [pipe, { FORCE_COLOR: "" }, true],
    [pipe, { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
  ])("%o with %o → %s", (stream, env, expected) => {
    expect(colorEnabled(stream, env)).toBe(expected);
  });

  it("writes no escape sequence when piped", async () => {
    const failed = await runCli(bad);
    const shown = await runCli(good);
    expect(failed.stderr).toMatch(/^realtimekit participant: invalid --filters/);
    expect(`${failed.stderr}${shown.stdout}`).not.toContain("\x1b");
  });

  it("styles headings, labels, errors and hints with FORCE_COLOR, and nothing else", async () => {
    const failed = await runCli(bad, { FORCE_COLOR: "1" });
    expect(failed.stderr).toContain(
      "\x1b[31m\x1b[1mrealtimekit participant:\x1b[22m\x1b[39m invalid --filters",
    );
    expect(failed.stderr).toContain("\x1b[36mhint:\x1b[39m the filters are");
    const shown = await runCli(good, { FORCE_COLOR: "1" });
    expect(shown.stdout.startsWith("\x1b[1mParticipant \x1b[22m")).toBe(true);
    expect(shown.stdout).toContain("\x1b[1mPeer events (1)\x1b[22m");
    // Without the style sequences, the text is what a pipe gets.
    expect(shown.stdout.replace(sgr, "")).toBe((await runCli(good)).stdout);
    for (const line of shown.stdout.replace(sgr, "").split("\n")) expect(line).not.toMatch(rawUnsafe);
  });

  it.each<Record<string, string>>([{ FORCE_COLOR: "0" }, { NO_COLOR: "1" }])(
    "writes none with %o",
    async (env) => {
      const { stderr } = await runCli(bad, env);
      expect(stderr).not.toContain("\x1b");
    },
  );

  const terminal = (env: string) =>
    new Promise<string>((resolve, reject) => {
      // `script` runs the command on a pseudo-terminal, as a person's shell would.
      const command = `env -i PATH="$PATH" TERM=xterm-256color ${env} "${process.execPath}" "${bin}" ${bad.join(" ")}`;
      execFile("script", ["-qec", command, "/dev/null"], { timeout: 20_000 }, (error, stdout) =>
        error && typeof error.code !== "number" ? reject(error) : resolve(stdout),
      );
    });

  it.skipIf(!has("script"))("colours on a real pseudo-terminal, and not with NO_COLOR there", async () => {
    expect(await terminal("")).toContain("\x1b[31m\x1b[1mrealtimekit participant:");
    expect(await terminal("NO_COLOR=1")).not.toContain("\x1b[");
  });
});

describe("in a real terminal emulator (tmux)", () => {
  const { server, env: mockEnv } = useMock();

  // The first example, end to end: a display name that would clear the screen and retitle the
  // window. tmux keeps the screen and the pane's title, which show whether the terminal acted on it.
  it.skipIf(!has("tmux"))("neither clears the screen nor retitles the window", async () => {
    server().script("getSessionParticipantDetails", [
      {
        body: {
          success: true,
          data: { participant: { display_name: "Mallory\x1b[2J\x1b[H\x1b]2;pwned\x07" } },
        },
      },
    ]);
    const session = `rtk-${process.pid}`;
    const env = Object.entries(mockEnv())
      .map(([name, value]) => `${name}=${value}`)
      .join(" ");
    const tmux = (...args: string[]) => execFileSync("tmux", ["-L", session, ...args], { encoding: "utf8" });
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "30", "sh");
    try {
      tmux("send-keys", "-t", session, "echo before-the-call", "Enter");
      tmux(
        "send-keys",
        "-t",
        session,
        `env ${env} "${process.execPath}" "${bin}" participant ${ids.session} ${ids.participant}; echo exit=$?`,
        "Enter",
      );
      let screen = "";
      for (let i = 0; i < 100 && !/exit=\d/.test(screen); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        screen = tmux("capture-pane", "-p", "-t", session);
      }
      expect(screen).toContain("exit=0");
      expect(screen).toContain("before-the-call");
      expect(screen).toContain("Participant Mallory\\x1b[2J\\x1b[H\\x1b]2;pwned\\x07");
      expect(tmux("display-message", "-p", "-t", session, "#{pane_title}")).not.toContain("pwned");
    } finally {
      tmux("kill-server");
    }
  });
});
