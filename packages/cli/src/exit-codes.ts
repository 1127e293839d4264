/**
 * Exit codes by kind of failure. They are part of the command's interface (scripts branch on them), so a
 * number never changes meaning; a new kind gets a new number. The README's table and `--help` list them.
 */
export const exitCodes = {
  /** The command did what was asked. */
  ok: 0,
  /** A failure of no kind below: an API status not listed here, or a bug. */
  failure: 1,
  /** The command line was wrong: unknown command or option, a missing argument or setting, a conflict. */
  usage: 2,
  /** A value was refused before anything was sent, or the API refused the parameters (400, 422). */
  invalidInput: 3,
  /** The API refused the token (401) or the token lacks a permission (403). */
  authentication: 4,
  /** No such account, app, session, participant or peer (404). */
  notFound: 5,
  /** Still rate limited (429) after the retries. */
  rateLimited: 6,
  /** The API failed (500 and above) after the retries. */
  server: 7,
  /** No answer: the connection failed or each attempt timed out. */
  network: 8,
  /** With `--strict`: the answer differs from the spec (the output was still printed). */
  drift: 9,
  /** Stopped by Ctrl-C (SIGINT): 128 + the signal's number, as shells report it. */
  aborted: 130,
} as const;

/** A kind of outcome. */
export type ExitKind = keyof typeof exitCodes;

/** What each exit code means, in one line each, for `--help` and the README. */
export const exitCodeHelp: Record<ExitKind, string> = {
  ok: "success",
  failure: "any other failure",
  usage: "wrong command line: unknown option, missing argument or setting",
  invalidInput: "invalid value (refused before sending, or 400/422 from the API)",
  authentication: "token refused (401) or lacking a permission (403)",
  notFound: "not found (404)",
  rateLimited: "rate limited (429), after retrying",
  server: "API failure (5xx), after retrying",
  network: "no answer: connection failed or timed out",
  drift: "with --strict: the answer differs from the spec",
  aborted: "aborted with Ctrl-C",
};
