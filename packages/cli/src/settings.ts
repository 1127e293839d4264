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
    help: "API token, the preferred credential",
    what: "an API token with the Realtime or Realtime Admin permission",
    secret: true,
  },
  apiEmail: {
    flag: "--api-email",
    label: "account email",
    value: "<email>",
    env: "CLOUDFLARE_EMAIL",
    param: "apiEmail",
    help: "with --api-key instead of a token: the account's email",
    what: "the email of the Cloudflare account whose Global API Key --api-key is",
    secret: true,
  },
  apiKey: {
    flag: "--api-key",
    label: "Global API Key",
    value: "<key>",
    env: "CLOUDFLARE_API_KEY",
    param: "apiKey",
    help: "with --api-email: a Global API Key (prefer a token)",
    what: "the account's Global API Key",
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

/** The settings that authenticate: a token, or an email with a Global API Key. */
const credentialNames = ["apiToken", "apiEmail", "apiKey"] as const;

/** What the client is given to authenticate, and the values to cut out of every recording. */
export interface CliCredentials {
  /** `{ apiToken }`, or `{ apiEmail, apiKey }`, as `createRealtimeKitClient` takes them. */
  options: { apiToken: string } | { apiEmail: string; apiKey: string };
  /** The token, or the key and the email. */
  secrets: string[];
}

/** What `resolveSettings` answers: each setting with its source, and the credentials. */
export type ResolvedSettings = Record<"accountId" | "appId", Sourced> & {
  /** The credential, where it came from: the token, or for a key pair the key, from both flags or variables. */
  apiToken: Sourced;
  baseURL?: Sourced;
  credentials: CliCredentials;
};

/** A value and where it came from: the flag, the environment variable or the positional that gave it. */
export interface Sourced {
  value: string;
  /** `--account-id`, `CLOUDFLARE_ACCOUNT_ID`, `<session_id>`… */
  from: string;
}

/** Values the embedded mock accepts, so `--mock` works with no other flag. */
const mockDefaults: Partial<Record<SettingName, string>> = {
  apiToken: "mock-token",
  accountId: "mock-account",
  appId: "mock-app",
};

/**
 * The connection settings of a command line: each flag, else its environment variable (an empty one counts
 * as unset). With `--mock`, the environment is not read, so a real token or account stays out of it, and
 * what is missing gets the mock's values. The credentials are `--api-token`, or `--api-email` with
 * `--api-key`; when none of the three flags is given, `CLOUDFLARE_API_TOKEN`, or `CLOUDFLARE_EMAIL` with
 * `CLOUDFLARE_API_KEY` (flags and variables are never mixed). Throws `CliError` (`usage`) naming every
 * missing setting and where each can come from, when both kinds of credential or half a pair are given, or
 * when `--mock` and `--base-url` are both given; `invalidInput` for an email or key pasted with white space
 * or quotes. No credential's value is ever in a message.
 */
export function resolveSettings(
  flags: Partial<Record<SettingName, string>>,
  env: Record<string, string | undefined>,
  mock: boolean,
): ResolvedSettings {
  if (mock && flags.baseURL !== undefined) {
    throw new CliError(
      "usage",
      "--mock and --base-url cannot be used together: --mock serves the API itself, on its own loopback address",
      ["drop --base-url to use the mock, or --mock to call the API at --base-url"],
    );
  }
  const resolved: Partial<Record<SettingName, Sourced>> = {};
  const missing: ConnectionSetting[] = [];
  // Credentials come from the flags as a whole when any is given, else from the environment as a whole.
  const credentialFlags = credentialNames.some((name) => flags[name] !== undefined);
  for (const [name, setting] of Object.entries(connectionSettings) as [SettingName, ConnectionSetting][]) {
    const credential = (credentialNames as readonly string[]).includes(name);
    const flag = flags[name];
    const variable = mock || (credential && credentialFlags) ? undefined : env[setting.env] || undefined;
    if (flag !== undefined) resolved[name] = { value: flag, from: setting.flag };
    else if (variable !== undefined) resolved[name] = { value: variable, from: setting.env };
  }
  const { apiToken, apiEmail, apiKey } = resolved;
  if (apiToken && (apiEmail || apiKey)) {
    throw new CliError(
      "usage",
      `${apiToken.from} and ${(apiEmail ?? apiKey)?.from} cannot be used together: authenticate with the token alone, or with an email and a Global API Key`,
      ["the token is preferred: it can be limited to the Realtime permission, a Global API Key cannot"],
    );
  }
  if (!apiToken && Boolean(apiEmail) !== Boolean(apiKey)) {
    const [given, absent] = apiEmail
      ? [apiEmail, connectionSettings.apiKey]
      : [apiKey as Sourced, connectionSettings.apiEmail];
    throw new CliError("usage", `missing the ${absent.label}: ${given.from} needs it`, [
      `pass ${absent.flag} ${absent.value} (or set ${absent.env}) to ${absent.what}`,
      "or authenticate with an API token instead (preferred): --api-token <token> or CLOUDFLARE_API_TOKEN",
    ]);
  }
  for (const [name, setting] of Object.entries(connectionSettings) as [SettingName, ConnectionSetting][]) {
    if (resolved[name] !== undefined || name === "baseURL" || name === "apiEmail" || name === "apiKey")
      continue;
    if (name === "apiToken" && apiEmail && apiKey) continue;
    const fallback = mock ? mockDefaults[name] : undefined;
    if (fallback !== undefined) resolved[name] = { value: fallback, from: "--mock" };
    else missing.push(setting);
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
          ? [
              "or set CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY (or pass --api-email and --api-key) to use a Global API Key; the token is preferred",
              "or try --mock, which answers from an embedded mock server",
            ]
          : []),
      ],
    );
  }
  let credentials: CliCredentials;
  let credential: Sourced;
  if (apiEmail && apiKey) {
    for (const [sourced, what] of [
      [apiEmail, "email"],
      [apiKey, "key"],
    ] as const) {
      const problem =
        pastedProblem(sourced.value, what) ??
        (/^[!-~]+$/.test(sourced.value) ? undefined : `the ${what} must be visible ASCII with no spaces`);
      if (problem) throw new CliError("invalidInput", `invalid ${sourced.from}: ${problem}`);
    }
    credentials = {
      options: { apiEmail: apiEmail.value, apiKey: apiKey.value },
      secrets: [apiKey.value, apiEmail.value],
    };
    credential = { value: apiKey.value, from: `${apiEmail.from} and ${apiKey.from}` };
  } else {
    credential = resolved.apiToken as Sourced;
    credentials = { options: { apiToken: credential.value }, secrets: [credential.value] };
  }
  return {
    accountId: resolved.accountId as Sourced,
    appId: resolved.appId as Sourced,
    apiToken: credential,
    ...(resolved.baseURL ? { baseURL: resolved.baseURL } : {}),
    credentials,
  };
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
