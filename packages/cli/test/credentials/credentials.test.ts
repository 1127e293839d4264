// The CLI's credentials as Cloudflare's SDK takes them: a token, or an email with a Global API Key, from
// flags or the environment, never both kinds, never half a pair, never shown.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useMock } from "../support/mock.js";
import { fakeToken, ids, runCli } from "../support/run-cli.js";

const { server, env } = useMock();
const EMAIL = "dev@example.com";
const KEY = "fake-global-api-key-0123456789SECRET";
const peerReport = (...extra: string[]) => ["peer-report", ids.peer, ...extra];
const scratch = mkdtempSync(join(tmpdir(), "cli-credentials-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The mock's environment without its token.
const noToken = () => {
  const { CLOUDFLARE_API_TOKEN: _, ...rest } = env();
  return rest;
};

describe("an email and a Global API Key", () => {
  it("from the environment, are sent as X-Auth-Email and X-Auth-Key instead of a token", async () => {
    const { code, stderr } = await runCli(peerReport("--json"), {
      ...noToken(),
      CLOUDFLARE_EMAIL: EMAIL,
      CLOUDFLARE_API_KEY: KEY,
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const headers = server().requests[0]?.headers ?? {};
    // The mock logs the email redacted too: with the key, it is the credential.
    expect(headers["x-auth-email"]).toBe("[REDACTED]");
    expect(headers["x-auth-key"]).toBe("[REDACTED]");
    expect(headers.authorization).toBeUndefined();
  });

  it("from the flags, leave the environment's token unread", async () => {
    const { code } = await runCli(peerReport("--api-email", EMAIL, "--api-key", KEY), env());
    expect(code).toBe(0);
    expect(server().requests[0]?.headers.authorization).toBeUndefined();
    expect(server().requests[0]?.headers["x-auth-email"]).toBe("[REDACTED]");
  });

  it("are cut out of a recording that echoes them", async () => {
    const dir = join(scratch, "record");
    server().script("getParticipantDataFromPeerId", [
      { body: { success: true, data: { id: KEY, echo: EMAIL } } },
    ]);
    const { code } = await runCli(peerReport("--record", dir, "--api-email", EMAIL, "--api-key", KEY), env());
    expect(code).toBe(0);
    const [file] = readdirSync(dir);
    const text = readFileSync(join(dir, file ?? ""), "utf8");
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(EMAIL);
    expect(text).toContain("[redacted]");
  });
});

describe("refused before any call, exit 2, no value shown", () => {
  it.each([
    [
      "a token and a key flag",
      peerReport("--api-token", fakeToken, "--api-key", KEY),
      () => env(),
      "--api-token and --api-key cannot be used together",
    ],
    [
      "a token and a pair in the environment",
      peerReport(),
      () => ({ ...env(), CLOUDFLARE_EMAIL: EMAIL, CLOUDFLARE_API_KEY: KEY }),
      "CLOUDFLARE_API_TOKEN and CLOUDFLARE_EMAIL cannot be used together",
    ],
    [
      "a key flag without the email",
      peerReport("--api-key", KEY),
      noToken,
      "missing the account email: --api-key needs it",
    ],
    [
      "an email variable without the key",
      peerReport(),
      () => ({ ...noToken(), CLOUDFLARE_EMAIL: EMAIL }),
      "missing the Global API Key: CLOUDFLARE_EMAIL needs it",
    ],
  ])("%s", async (_, args, environment, message) => {
    const { code, stderr } = await runCli(args, environment());
    expect(stderr.split("\n")[0]).toMatch(new RegExp(`^realtimekit peer-report: ${message}`));
    expect(stderr).not.toContain(KEY);
    expect(stderr).not.toContain(fakeToken);
    expect(code).toBe(2);
    expect(server().requests).toHaveLength(0);
  });

  it("a key pasted with a line break, exit 3", async () => {
    const { code, stderr } = await runCli(peerReport("--api-email", EMAIL, "--api-key", `${KEY}\n`), env());
    expect(stderr.split("\n")[0]).toBe(
      "realtimekit peer-report: invalid --api-key: it has white space or a line break at its start or end: copy the key alone",
    );
    expect(stderr).not.toContain(KEY);
    expect(code).toBe(3);
    expect(server().requests).toHaveLength(0);
  });
});

it("help says the token is the preferred credential", async () => {
  const { stdout } = await runCli(["peer-report", "--help"]);
  expect(stdout).toMatch(/--api-token <token> +API token, the preferred credential/);
  expect(stdout).toMatch(/--api-key <key> +with --api-email: a Global API Key \(prefer a token\)/);
});
