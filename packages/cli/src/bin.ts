#!/usr/bin/env node
import { run } from "./run.js";

// Ctrl-C aborts the call in flight, which then reports that it was aborted and exits 130; a second Ctrl-C
// ends the process at once, in case something does not stop.
// Launchers that run the command as a child (`pnpm exec`, `npx`) pass the Ctrl-C on and send SIGTERM as
// they exit themselves, often before the Ctrl-C is handled: SIGTERM stops the call the same way, so the
// process still says it was aborted instead of dying silently.
const controller = new AbortController();
const stop = () => {
  if (controller.signal.aborted) return;
  controller.abort();
  process.once("SIGINT", () => process.exit(130));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// A reader that goes away (`realtimekit … | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: async () => {
    let text = "";
    process.stdin.setEncoding("utf8");
    for await (const chunk of process.stdin) text += chunk;
    return text;
  },
  signal: controller.signal,
});
