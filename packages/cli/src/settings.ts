import { quoted } from "./encode.js";
import { CliError } from "./errors.js";

/** A setting every command takes, from a flag or else an environment variable. */
export interface ConnectionSetting {
  /** The flag, e.g. `--account-id`. */
  flag: `--${string}`;
  /** The flag's value as help shows it, e.g. `<account_id>`. */
  value: string;
  /** The environment variable it falls back to. */
  env: string;
  /** The client's name for it, as an `InvalidParameterError` names it. */
  param: string;
  /** One line for --help. */
  help: string;
  /** Its name in a sentence, e.g. `account ID`. */
  label: string;
  /** What it is, for a message about it being missing. */
  what: string;
  /** Never echoed in a message. */
  secret?: true;
}

/** The settings every command takes, in the order help lists them. */
export const connectionSettings = {
  accountId: {
    flag: "--account-id",
    label: "account ID",
    value: "<account_id>",
    env: "CLOUDFLARE_ACCOUNT_ID",
    param: "account_id",
    help: "Cloudflare account ID",
    what: "the account ID shown in the Cloudflare dashboard",
  },
  appId: {
    flag: "--app-id",
    label: "app ID",
    value: "<app_id>",
    env: "REALTIMEKIT_APP_ID",
    param: "app_id",
    help: "RealtimeKit app ID",
    what: "the ID of your RealtimeKit app",
  },
  apiToken: {
    flag: "--api-token",
    label: "API token",
    value: "<token>",
    env: "CLOUDFLARE_API_TOKEN",
    param: "apiToken",
    help: "API token",
    what: "an API token with the Realtime or Realtime Admin permission",
    secret: true,
  },
  baseURL: {
    flag: "--base-url",
    label: "base URL",
    value: "<url>",
    env: "CLOUDFLARE_BASE_URL",
    param: "baseURL",
    help: "API root",
    what: "the API root",
  },
} as const satisfies Record<string, ConnectionSetting>;

/** The name of a connection setting. */
export type SettingName = keyof typeof connectionSettings;

/** A value and where it came from: the flag, the environment variable or the positional that gave it. */
export interface Sourced {
  value: string;
  /** `--account-id`, `CLOUDFLARE_ACCOUNT_ID`, `<session_id>`… */
  from: string;
}

/** Values the embedded mock accepts, so `--mock` works with no other flag. */
const mockDefaults: Record<Exclude<SettingName, "baseURL">, string> = {
  apiToken: "mock-token",
  accountId: "mock-account",
  appId: "mock-app",
};

/**
 * The connection settings of a command line: each flag, else its environment variable (an empty one counts
 * as unset). With `--mock`, the environment is not read, so a real token or account stays out of it, and
 * what is missing gets the mock's values. Throws `CliError` (`usage`) naming every missing setting and
 * where each can come from, or when `--mock` and `--base-url` are both given.
 */
export function resolveSettings(
  flags: Partial<Record<SettingName, string>>,
  env: Record<string, string | undefined>,
  mock: boolean,
): Record<Exclude<SettingName, "baseURL">, Sourced> & { baseURL?: Sourced } {
  if (mock && flags.baseURL !== undefined) {
    throw new CliError(
      "usage",
      "--mock and --base-url cannot be used together: --mock serves the API itself, on its own loopback address",
      ["drop --base-url to use the mock, or --mock to call the API at --base-url"],
    );
  }
  const resolved: Partial<Record<SettingName, Sourced>> = {};
  const missing: ConnectionSetting[] = [];
  for (const [name, setting] of Object.entries(connectionSettings) as [SettingName, ConnectionSetting][]) {
    const flag = flags[name];
    const variable = mock ? undefined : env[setting.env] || undefined;
    const fallback = mock && name !== "baseURL" ? mockDefaults[name] : undefined;
    if (flag !== undefined) resolved[name] = { value: flag, from: setting.flag };
    else if (variable !== undefined) resolved[name] = { value: variable, from: setting.env };
    else if (fallback !== undefined) resolved[name] = { value: fallback, from: "--mock" };
    else if (name !== "baseURL") missing.push(setting);
  }
  if (missing.length > 0) {
    throw new CliError(
      "usage",
      `missing ${missing
        .map((s) => `the ${s.label}`)
        .join(", ")
        .replace(/, ([^,]*)$/, " and $1")}`,
      [
        ...missing.map((s) =>
          s.secret
            ? `set ${s.env} (or pass ${s.flag} ${s.value}) to ${s.what}`
            : `pass ${s.flag} ${s.value} or set ${s.env} to ${s.what}`,
        ),
        ...(missing.some((s) => s.secret)
          ? ["or try --mock, which answers from an embedded mock server"]
          : []),
      ],
    );
  }
  return resolved as Record<Exclude<SettingName, "baseURL">, Sourced> & { baseURL?: Sourced };
}

/**
 * What is wrong with the edges of a value pasted into a flag or a variable (`export X="$(cat file)"`,
 * a copied line, a value quoted twice), in words that say how to fix it; undefined when nothing is.
 * `what` names the value in the answer (`token`, `account ID`); the value itself never appears in it.
 * Such a value would otherwise be sent, percent-encoded, and come back as a 404 or a 401 that hides it.
 */
export function pastedProblem(value: string, what: string): string | undefined {
  if (/^\s|\s$/.test(value))
    return `it has white space or a line break at its start or end: copy the ${what} alone`;
  if (/^(["'`]).*\1$/s.test(value)) return `it is wrapped in quotes: give the ${what} without them`;
  return undefined;
}

/**
 * What is wrong with an API token's shape, in words that say how to fix it; undefined when nothing is.
 * The token itself never appears in the answer.
 */
export function tokenProblem(token: string): string | undefined {
  if (/^\s*bearer\s/i.test(token)) {
    return 'it starts with "Bearer ": give the token alone, the CLI sends "Authorization: Bearer <token>" itself';
  }
  const edges = pastedProblem(token, "token");
  if (edges) return edges;
  if (/\s/.test(token)) return "it has white space inside it: an API token is one word";
  if (/[^!-~]/.test(token)) {
    return "it has a character that is not printable ASCII (a typographic quote copied with it?)";
  }
  return undefined;
}

/**
 * A count given as a flag, e.g. `--timeout 30000`: decimal digits only, from `min` to `max`, else
 * `CliError` (`invalidInput`) naming the flag, the unit and the range. Undefined stays undefined.
 */
export function countFlag(
  flag: string,
  text: string | undefined,
  unit: string,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) {
    throw new CliError(
      "invalidInput",
      `invalid ${flag} ${quoted(text)}: must be a whole number of ${unit} from ${min} to ${max}`,
    );
  }
  return n;
}
