/**
 * One contender's two calls in a loop against the loopback server, to run under a profiler:
 *
 *   cd bench && node --cpu-prof --cpu-prof-dir=.tmp/profile --import tsx src/profile.ts client 10000
 *
 * then open the larger .cpuprofile (the smaller one is the server's) in Chrome DevTools or VS Code.
 */
import { contenders, load } from "./contenders.js";
import { startServer } from "./server.js";

const [id = "client", count = "10000"] = process.argv.slice(2);
const contender = contenders.find((c) => c.id === id);
if (!contender) {
  console.error(`No contender ${id}; the contenders are ${contenders.map((c) => c.id).join(", ")}.`);
  process.exit(2);
}
const server = await startServer();
try {
  const calls = await load(contender, server.baseURL);
  const requests = Number(count);
  for (let i = 0; i < 500; i++) await (i & 1 ? calls.peer() : calls.details());
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < requests; i++) await (i & 1 ? calls.peer() : calls.details());
  const { user, system } = process.cpuUsage(cpu0);
  const wall = ((performance.now() - t0) * 1000) / requests;
  console.log(
    `${contender.label}: ${wall.toFixed(0)} µs per request, ${((user + system) / requests).toFixed(0)} µs CPU`,
  );
} finally {
  server.close();
}
