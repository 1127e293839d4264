import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

it("the README's quality table is what `peer-report --mock` prints", async () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const shown = /^```\n(Quality \([\s\S]*?)^```$/m.exec(readme)?.[1];
  const { code, stdout } = await runCli(["peer-report", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "--mock"]);
  expect(code).toBe(0);
  expect(shown).toBeDefined();
  expect(stdout.slice(stdout.indexOf("Quality ("))).toBe(shown);
});
