import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { get, participantPath, peerReportPath } from "../helpers/api.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

async function expect400(path: string, parameter: string, problem: RegExp): Promise<void> {
  const res = await get(`${server.baseURL}${path}`);
  expect(res.status).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/json");
  const body = await res.json();
  expect(body).toStrictEqual({ success: false, error: { code: 400, message: expect.any(String) } });
  expect(body.error.message).toContain(parameter);
  expect(body.error.message).toMatch(problem);
}

async function expect200(path: string): Promise<void> {
  const res = await get(`${server.baseURL}${path}`);
  expect(res.status, await res.clone().text()).toBe(200);
}

describe("path parameters with maxLength 32", () => {
  for (const name of ["account_id", "app_id"] as const) {
    it(`rejects a 33-character ${name} and accepts 32`, async () => {
      await expect400(participantPath({ [name]: "a".repeat(33) }), name, /at most 32 characters/);
      await expect400(peerReportPath({ [name]: "a".repeat(33) }), name, /at most 32 characters/);
      await expect200(participantPath({ [name]: "a".repeat(32) }));
    });
  }

  it("counts characters, not bytes or UTF-16 units", async () => {
    await expect200(peerReportPath({ app_id: encodeURIComponent("😀".repeat(32)) }));
    await expect400(peerReportPath({ app_id: encodeURIComponent("😀".repeat(33)) }), "app_id", /at most 32/);
  });

  it("rejects broken percent-encoding, naming the parameter", async () => {
    await expect400(peerReportPath({ app_id: "%E0%A4%A" }), "app_id", /percent-encoding/);
  });
});

describe("path parameters with format uuid", () => {
  const notUUIDs = [
    "abc",
    "3f1c8a7e2b4d4e6f8a9b0c1d2e3f4a5b",
    "3f1c8a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5g",
    " 3f1c8a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5",
  ];
  for (const [name, path] of [
    ["session_id", (id: string) => participantPath({ session_id: id })],
    ["participant_id", (id: string) => participantPath({ participant_id: id })],
    ["peer_id", (id: string) => peerReportPath({ peer_id: id })],
  ] as const) {
    it(`rejects a ${name} that is not a UUID`, async () => {
      for (const value of notUUIDs) await expect400(path(encodeURIComponent(value)), name, /must be a UUID/);
    });
  }

  it("accepts upper-case hex", async () => {
    await expect200(peerReportPath({ peer_id: "B2C3D4E5-F6A7-4B8C-9D0E-1F2A3B4C5D6E" }));
  });
});

describe("filters", () => {
  it("accepts every value of the enum, comma separated", async () => {
    const all = "device_info,ip_information,precall_network_information,events,quality_stats";
    await expect200(`${participantPath()}?filters=${all}`);
    await expect200(`${peerReportPath()}?filters=${all}`);
  });

  it("accepts an empty list", async () => {
    await expect200(`${participantPath()}?filters=`);
  });

  it("rejects an unknown value, naming it and the allowed ones", async () => {
    await expect400(
      `${participantPath()}?filters=events,bogus`,
      "filters",
      /unknown value "bogus".*device_info/,
    );
    await expect400(`${peerReportPath()}?filters=EVENTS`, "filters", /unknown value "EVENTS"/);
  });

  it("rejects spaces between the values", async () => {
    await expect400(`${participantPath()}?filters=events,%20device_info`, "filters", /no spaces/);
    await expect400(`${peerReportPath()}?filters=events+device_info`, "filters", /no spaces/);
  });

  it("rejects an empty item", async () => {
    await expect400(`${participantPath()}?filters=events,,device_info`, "filters", /unknown value ""/);
  });

  it("rejects filters given twice, since the spec sends one comma-separated value", async () => {
    await expect400(`${participantPath()}?filters=events&filters=device_info`, "filters", /once/);
  });
});

describe("include_peer_events", () => {
  it.each(["1", "yes", "TRUE", ""])("rejects %j", async (value) => {
    await expect400(
      `${participantPath()}?include_peer_events=${value}`,
      "include_peer_events",
      /true or false/,
    );
  });

  it("is not a parameter of the peer report, so it is ignored there", async () => {
    await expect200(`${peerReportPath()}?include_peer_events=maybe`);
  });
});

it("ignores query parameters the spec does not define", async () => {
  await expect200(`${participantPath()}?utm_source=test`);
});
