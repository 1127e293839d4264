// Rewrites each `console` block of the README (`$ realtimekit <args>` and what it printed) with what the
// built command prints now, stdout then stderr, with no environment: `pnpm --filter @realtimekit-api/cli
// run readme` after a change to the output, then review the diff. test/readme/ checks the blocks.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const readme = new URL("../README.md", import.meta.url);
const bin = new URL("../dist/bin.js", import.meta.url).pathname;

const run = (args) => {
  try {
    const stdout = execFileSync(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? "" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return stdout;
  } catch (error) {
    return `${error.stdout ?? ""}${error.stderr ?? ""}`;
  }
};

const text = readFileSync(readme, "utf8").replace(
  /^```console\n\$ realtimekit(.*)\n[\s\S]*?^```$/gm,
  (_, line) => `\`\`\`console\n$ realtimekit${line}\n${run(line.trim().split(/ +/).filter(Boolean))}\`\`\``,
);
writeFileSync(readme, text);
