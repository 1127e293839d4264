import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientWithRenamedMethod } from "../../src/broken.js";
import { checkFixtures, readFixtures, workspacePackageDirs } from "../../src/fixtures.js";
import { publishedPackage } from "../../src/paths.js";
import { type Scratch, scratch } from "../../src/scratch.js";

const client = publishedPackage("client");

describe("consumer fixtures", () => {
  let tmp: Scratch;
  beforeAll(async () => {
    tmp = await scratch("breaking");
  });
  afterAll(() => tmp.dispose());

  it("compile, and the CLI invocations run, against the current build", async () => {
    const fixtures = readFixtures();
    expect(new Set(fixtures.map((f) => f.package))).toEqual(
      new Set([
        "@realtimekit-api/types",
        "@realtimekit-api/client",
        "@realtimekit-api/mock",
        "@realtimekit-api/cli",
      ]),
    );
    expect(Object.fromEntries(await checkFixtures(fixtures, workspacePackageDirs()))).toEqual({});
  });

  it("stop compiling against a client that renamed a method", async () => {
    const broken = await clientWithRenamedMethod(tmp.dir);
    const problems = await checkFixtures(
      readFixtures().filter((f) => f.package === client.name),
      { ...workspacePackageDirs(), [client.name]: broken },
    );
    expect([...problems.keys()]).toEqual([client.name]);
    expect(problems.get(client.name)?.join("\n")).toMatch(
      /release\/fixtures\/api\/client\/calls\.ts:\d+:\d+ Property 'getParticipantDataFromPeerId' does not exist/,
    );
  });
});
