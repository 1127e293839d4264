// The built package as Node loads it: CommonJS and ES module builds in one process, the same API.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

it("require() and import() give the same querySerializer, writing the same query", async () => {
  const script = `
    const cjs = require("@realtimekit-api/types");
    import("@realtimekit-api/types").then((esm) => {
      const query = { filters: ["device_info", "events"], include_peer_events: true };
      console.log(JSON.stringify({
        cjs: Object.keys(cjs),
        esm: Object.keys(esm).filter((k) => k !== "default" && k !== "module.exports"),
        written: [cjs.querySerializer(query), esm.querySerializer(query)],
      }));
    });`;
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], {
    cwd: new URL("../..", import.meta.url),
  });
  expect(JSON.parse(stdout)).toEqual({
    cjs: ["querySerializer"],
    esm: ["querySerializer"],
    written: Array(2).fill("filters=device_info,events&include_peer_events=true"),
  });
});
