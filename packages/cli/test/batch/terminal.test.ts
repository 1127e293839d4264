/**
 * The batch's progress bar on a real terminal: the bin runs in tmux against a mock with a small quota, and
 * the screen is read while it runs. It must show done and total, rate, ETA, and the wait for the quota.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMockServer } from "@realtimekit-api/mock";
import { expect, test } from "vitest";

const bin = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));
const hasTmux = (() => {
  try {
    execFileSync("tmux", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

test.skipIf(!hasTmux)(
  "a progress bar with done/total, rate, ETA and the quota's wait; NDJSON to the file",
  async () => {
    const mock = await startMockServer({ rateLimit: { limit: 5, windowMs: 1_000 } });
    const dir = mkdtempSync(join(tmpdir(), "realtimekit-tty-"));
    const session = `rtk-batch-${process.pid}`;
    try {
      const ids = Array.from(
        { length: 14 },
        (_, i) => `5d2c7a9e-3b1f-4c8d-9e6a-${String(i).padStart(12, "0")}`,
      );
      writeFileSync(join(dir, "ids.txt"), ids.join("\n"));
      const output = join(dir, "out.ndjson");
      const command = [
        "env",
        "CLOUDFLARE_API_TOKEN=tty-test-token",
        "CLOUDFLARE_ACCOUNT_ID=023e105f4ecef8ad9ca31a8372d0c353",
        "REALTIMEKIT_APP_ID=my-app",
        `CLOUDFLARE_BASE_URL=${mock.baseURL}`,
        process.execPath,
        bin,
        "peer-report",
        "--ids-file",
        join(dir, "ids.txt"),
        "--output",
        output,
        "; echo EXIT=$?; sleep 30",
      ].join(" ");
      execFileSync("tmux", ["new-session", "-d", "-s", session, "-x", "150", "-y", "10", command]);
      const screens: string[] = [];
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const screen = execFileSync("tmux", ["capture-pane", "-p", "-t", session], { encoding: "utf8" });
        screens.push(screen);
        if (screen.includes("EXIT=")) break;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const all = screens.join("\n");
      expect(all).toMatch(/realtimekit peer-report .+ \d+\/14 \| [\d.]+\/s \| ETA \S+ \| 0 failed/);
      expect(all).toMatch(/waiting for the quota, back in \d+ s/);
      expect(screens.at(-1)).toMatch(/14\/14/);
      expect(screens.at(-1)).toMatch(
        /realtimekit peer-report: 14 lines, 14 ok, 0 failed; [\d.]+ s; results in /,
      );
      expect(screens.at(-1)).toContain("EXIT=0");
      const lines = readFileSync(output, "utf8").trim().split("\n");
      expect(lines.map((line) => JSON.parse(line).id)).toEqual(ids);
    } finally {
      try {
        execFileSync("tmux", ["kill-session", "-t", session], { stdio: "ignore" });
      } catch {}
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
