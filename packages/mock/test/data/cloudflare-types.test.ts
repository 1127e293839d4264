// `data: "cloudflare-types"` answers the shape Cloudflare's published SDK types (7.1.0) describe, not the
// spec's: every field path of its peer report is one the SDK declares, where the spec has them directly under data.
import { describe, expect, it } from "vitest";
import { createMockFetch } from "../../src/index.js";
import { ids, participantPath, peerReportPath } from "../helpers/api.js";
import { sdkFieldTypes } from "../helpers/spec-schema.js";

const auth = { headers: { authorization: "Bearer fake-token" } };

// Every field path of a JSON value, as `a.b[].c`, the way sdkFieldTypes names them.
function paths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === "object") paths(item, `${prefix}[]`, out);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      paths(child, path, out);
    }
  }
  return out;
}

describe('data: "cloudflare-types"', () => {
  const shaped = createMockFetch({ data: "cloudflare-types" });
  const spec = createMockFetch();
  const get = async (mock: typeof spec, path: string) =>
    (await mock.fetch(`${mock.baseURL}${path}`, auth)).json();

  it("answers the peer report with only fields the SDK's types declare, the peer under data.participant", async () => {
    const body = await get(shaped, peerReportPath());
    const declared = sdkFieldTypes();
    // The metadata and quality maps the SDK types keyed by a free-form name are not field names.
    const undeclared = [...paths(body, "", new Set())].filter(
      (path) => !declared.has(path) && !/\.metadata\.events\[\]\.metadata\./.test(path),
    );
    expect(undeclared).toEqual([]);
    expect(body.data.participant.role).toBeTypeOf("string");
    expect(Object.keys(body.data)).toEqual(["participant"]);
    expect(body.data).not.toHaveProperty("id");
  });

  it("moves the same values: the spec's body, with data.preset_name as data.participant.role", async () => {
    const moved = await get(shaped, peerReportPath());
    const { preset_name, ...rest } = (await get(spec, peerReportPath())).data;
    expect(moved).toStrictEqual({ success: true, data: { participant: { ...rest, role: preset_name } } });
  });

  it("moves a fixture, written in the spec's shape, with the rest", async () => {
    const mock = createMockFetch({ data: "cloudflare-types" });
    mock.peers.set(ids.peer_id, { display_name: "Ada Lovelace", preset_name: "host" });
    const body = await get(mock, peerReportPath());
    expect(body.data.participant).toMatchObject({ display_name: "Ada Lovelace", role: "host" });
  });

  it("leaves the participant details as they are: there the SDK's types have the reference's fields", async () => {
    const path = `${participantPath()}?include_peer_events=true`;
    expect(await get(shaped, path)).toStrictEqual(await get(spec, path));
  });
});
