#!/usr/bin/env node
import { parseArgs } from "node:util";
import { checkCredentialsOption, type MockCredential } from "./credentials.js";
import { startMockServer } from "./server.js";

const usage = `Usage: realtimekit-mock [--port N] [--host ADDRESS] [--data KIND] [--seed SEED]
                        [--token TOKEN]... [--key EMAIL:KEY]... [--forbidden-token TOKEN]...

Serves a mock of Cloudflare RealtimeKit's participant-details and peer-report
endpoints, answering realistic data generated from the path's ids and a seed,
and prints its base URL (pass it to a client as baseURL). Stops on Ctrl-C
(SIGINT) or SIGTERM.

Options:
  --port N        port to listen on (default: 0, any free port)
  --host ADDRESS  address to listen on (default: 127.0.0.1)
  --data KIND     generated (default), documented (the spec's examples) or
                  cloudflare-types (the shape Cloudflare's SDK types describe:
                  the peer under data.participant, role for preset_name)
  --seed SEED     seed of the generated data (default: realtimekit)
  --token TOKEN   accept this API token (Authorization: Bearer); repeatable
  --key EMAIL:KEY accept this email and Global API Key (X-Auth-Email,
                  X-Auth-Key); repeatable
  --forbidden-token TOKEN
                  a known token without the Realtime permission: 403;
                  repeatable
  -h, --help      show this help

Credentials: with none of --token, --key and --forbidden-token, any
well-formed token or key pair is accepted; with any, only those listed.
Missing, empty, "undefined" and "null" credentials always get 401.
`;

async function main(): Promise<number> {
  let values: {
    port?: string;
    host?: string;
    data?: string;
    seed?: string;
    token?: string[];
    key?: string[];
    "forbidden-token"?: string[];
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        seed: { type: "string" },
        token: { type: "string", multiple: true },
        key: { type: "string", multiple: true },
        "forbidden-token": { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "0") || port > 65535) {
    return fail(`--port must be a whole number from 0 to 65535 (got ${JSON.stringify(values.port)})`);
  }

  const kinds = ["generated", "documented", "cloudflare-types"] as const;
  const data = kinds.find((kind) => kind === values.data);
  if (values.data !== undefined && data === undefined) {
    return fail(`--data must be ${kinds.join(", ")} (got ${JSON.stringify(values.data)})`);
  }
  const given: [flag: string, credential: MockCredential][] = [
    ...(values.token ?? []).map((token): [string, MockCredential] => ["--token", token]),
    ...(values["forbidden-token"] ?? []).map((token): [string, MockCredential] => [
      "--forbidden-token",
      { token, permitted: false },
    ]),
  ];
  for (const pair of values.key ?? []) {
    // The email has no colon; the key may.
    const at = pair.indexOf(":");
    if (at < 1 || at === pair.length - 1) return fail("--key must be EMAIL:KEY");
    given.push(["--key", { email: pair.slice(0, at), key: pair.slice(at + 1) }]);
  }
  for (const [flag, credential] of given) {
    try {
      checkCredentialsOption([credential]);
    } catch (error) {
      // The option's message names the entry and field; the flag's names the flag, never the value.
      const why = /^credentials\[0\]\.(\w+) (can never match: [^:]*)/.exec((error as Error).message);
      return fail(`${flag}: ${why ? `the ${why[1]} ${why[2]}` : (error as Error).message}`);
    }
  }
  const credentials = given.map(([, credential]) => credential);

  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer({
      port,
      host: values.host ?? "127.0.0.1",
      data,
      seed: values.seed,
      credentials: credentials.length > 0 ? credentials : undefined,
    });
  } catch (error) {
    process.stderr.write(
      `realtimekit-mock: cannot listen: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  // One line on stdout, the base URL alone, so a script can read it with `read` or `head -n1`.
  process.stdout.write(`${server.baseURL}\n`);

  const stop = () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    // Nothing else holds the event loop, so the process exits once the server has closed.
    void server.close();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`realtimekit-mock: ${message}\nRun \`realtimekit-mock --help\` for usage.\n`);
  return 2;
}

process.exitCode = await main();
