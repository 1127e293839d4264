#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startMockServer } from "./server.js";

const usage = `Usage: realtimekit-mock [--port N] [--host ADDRESS] [--data KIND] [--seed SEED]

Serves a mock of Cloudflare RealtimeKit's participant-details and peer-report
endpoints, answering realistic data generated from the path's ids and a seed,
and prints its base URL (pass it to a client as baseURL). Stops on Ctrl-C
(SIGINT) or SIGTERM.

Options:
  --port N        port to listen on (default: 0, any free port)
  --host ADDRESS  address to listen on (default: 127.0.0.1)
  --data KIND     generated (default) or documented (the spec's examples)
  --seed SEED     seed of the generated data (default: realtimekit)
  -h, --help      show this help
`;

async function main(): Promise<number> {
  let values: { port?: string; host?: string; data?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        seed: { type: "string" },
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

  if (values.data !== undefined && values.data !== "generated" && values.data !== "documented") {
    return fail(`--data must be generated or documented (got ${JSON.stringify(values.data)})`);
  }

  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer({
      port,
      host: values.host ?? "127.0.0.1",
      ...(values.data === undefined ? {} : { data: values.data }),
      ...(values.seed === undefined ? {} : { seed: values.seed }),
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
