import { describe, expect, it } from "vitest";
import { type Changeset, parseChangeset } from "../../src/changesets.js";
import { evaluateGuard, type GuardInput } from "../../src/guard.js";

const packages = [
  { name: "@realtimekit-api/types", folder: "types" },
  { name: "@realtimekit-api/client", folder: "client" },
];
const changeset = (file: string, releases: Changeset["releases"]): Changeset => ({ file, releases });
const input = (overrides: Partial<GuardInput>): GuardInput => ({
  packages,
  changedFiles: [],
  newChangesets: [],
  pendingChangesets: [],
  fixtureProblems: new Map(),
  ...overrides,
});

describe("a change comes with a changeset", () => {
  it("passes when nothing under spec/ or packages/ changed", () => {
    expect(evaluateGuard(input({ changedFiles: ["README.md", "bench/src/bench.ts"] })).problems).toEqual([]);
  });

  it("fails on a package change without a changeset naming the package, saying how to fix it", () => {
    const { problems } = evaluateGuard(
      input({
        changedFiles: ["packages/client/src/retry.ts"],
        newChangesets: [changeset(".changeset/a.md", { "@realtimekit-api/types": "patch" })],
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/packages\/client\/ changed \(src\/retry\.ts\).*pnpm changeset.*--empty/s);
  });

  it("passes with a changeset naming the package, or an explicit empty one", () => {
    const changedFiles = ["packages/client/src/retry.ts", "packages/client/README.md"];
    const named = [changeset(".changeset/a.md", { "@realtimekit-api/client": "patch" })];
    expect(evaluateGuard(input({ changedFiles, newChangesets: named })).problems).toEqual([]);
    const empty = evaluateGuard(input({ changedFiles, newChangesets: [changeset(".changeset/e.md", {})] }));
    expect(empty.problems).toEqual([]);
    expect(empty.notes.join()).toMatch(/\.changeset\/e\.md says no release is needed/);
  });

  it("needs none for the package's tests", () => {
    const changedFiles = ["packages/client/test/retries/backoff.test.ts", "packages/client/vitest.config.ts"];
    expect(evaluateGuard(input({ changedFiles })).problems).toEqual([]);
  });

  it("fails on a spec change unless a changeset moves the types package; an empty one is not enough", () => {
    const changedFiles = ["spec/openapi.yaml"];
    const empty = [changeset(".changeset/e.md", {})];
    expect(evaluateGuard(input({ changedFiles, newChangesets: empty })).problems[0]).toMatch(
      /spec\/ changed \(spec\/openapi\.yaml\) but no new changeset moves @realtimekit-api\/types/,
    );
    const types = [changeset(".changeset/t.md", { "@realtimekit-api/types": "minor" })];
    expect(evaluateGuard(input({ changedFiles, newChangesets: types })).problems).toEqual([]);
  });
});

describe("a change that breaks a consumer fixture comes with a major changeset", () => {
  const fixtureProblems = new Map([
    ["@realtimekit-api/client", ["release/fixtures/api/client/calls.ts:3:1 Property 'x' does not exist"]],
  ]);

  it("fails without one, naming the fixture and the fix", () => {
    const { problems } = evaluateGuard(input({ fixtureProblems }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/@realtimekit-api\/client breaks code that compiled against it before/);
    expect(problems[0]).toMatch(/calls\.ts:3:1/);
    expect(problems[0]).toMatch(/major bump for @realtimekit-api\/client/);
  });

  it("fails when the pending changeset is only a minor, or a major of another package", () => {
    const pendingChangesets = [
      changeset(".changeset/a.md", { "@realtimekit-api/client": "minor", "@realtimekit-api/types": "major" }),
    ];
    expect(evaluateGuard(input({ fixtureProblems, pendingChangesets })).problems).toHaveLength(1);
  });

  it("passes with a pending major changeset for the package, asking for the fixtures to be updated", () => {
    const pendingChangesets = [changeset(".changeset/break.md", { "@realtimekit-api/client": "major" })];
    const { problems, notes } = evaluateGuard(input({ fixtureProblems, pendingChangesets }));
    expect(problems).toEqual([]);
    expect(notes.join()).toMatch(/update release\/fixtures\/api\/client\/ to the new API/);
  });
});

describe("changeset files", () => {
  it("reads packages and bumps, and an empty changeset as no releases", () => {
    expect(
      parseChangeset("a.md", "---\n\"@realtimekit-api/client\": major\n'x': patch\n---\n\nWhy.\n"),
    ).toEqual({
      file: "a.md",
      releases: { "@realtimekit-api/client": "major", x: "patch" },
    });
    expect(parseChangeset("e.md", "---\n---\n").releases).toEqual({});
  });

  it("refuses one that changesets would refuse", () => {
    expect(() => parseChangeset("bad.md", '---\n"@realtimekit-api/client": huge\n---\n')).toThrow(/bad\.md/);
    expect(() => parseChangeset("none.md", "no front matter\n")).toThrow(/front matter/);
  });
});
