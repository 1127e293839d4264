// The README shows what runs: each runner's example is a file under examples/ (run by vitest or, for the
// Worker, in workerd by test/workers), and the data sample is what the mock answers.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMockFetch } from "../../src/index.js";

const packageDir = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", packageDir), "utf8");
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1],
  code: m[2] ?? "",
}));

describe("the mock's README", () => {
  const examples = readdirSync(new URL("examples/", packageDir));

  it.each(examples)("shows examples/%s verbatim", (file) => {
    const content = readFileSync(new URL(`examples/${file}`, packageDir), "utf8");
    const shown = blocks.find((b) => b.code.startsWith(`// examples/${file}:`));
    expect(shown?.code).toBe(content);
  });

  it("has a section with an example for each runner", () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining(["Vitest with the server", "In-process fetch", "MSW in Node", "Workers"]),
    );
    expect(examples.sort()).toEqual(["fetch.test.ts", "msw.test.ts", "server.test.ts", "worker.js"]);
  });

  it("shows the participant the mock generates for the ids it names", async () => {
    const shown = blocks.find((b) => b.lang === "json");
    const mock = createMockFetch();
    const path =
      "/accounts/my-account/realtime/kit/my-app/sessions/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e/participants/5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f";
    const res = await mock.fetch(`${mock.baseURL}${path}`, {
      headers: { authorization: "Bearer fake-token" },
    });
    expect(shown?.code).toBe(`${JSON.stringify(await res.json(), null, 2)}\n`);
  });
});
