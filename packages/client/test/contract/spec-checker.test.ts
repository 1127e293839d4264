/**
 * The Ajv-based request checker the contract and property suites rely on: it must pass what the spec
 * allows and fail each way a request can break it, or its silence would prove nothing.
 */
import { describe, expect, test } from "vitest";
import { checkRequestAgainstSpec, specFilters, specOperations } from "../support/openapi-document.js";
import { accountId, appId, participantId, peerId, sessionId } from "../support/sample-values.js";

const base = "https://api.example.test/client/v4";
const detailsURL = `${base}/accounts/${accountId}/realtime/kit/${appId}/sessions/${sessionId}/participants/${participantId}`;
const peerURL = `${base}/accounts/${accountId}/realtime/kit/${appId}/sessions/peer-report/${peerId}`;
const problems = (url: string) => checkRequestAgainstSpec(url, "/client/v4").problems;

describe("the spec as loaded", () => {
  test("has both operations with their documented examples and the five filters", () => {
    expect(specOperations.map((o) => o.operationId).sort()).toEqual([
      "getParticipantDataFromPeerId",
      "getSessionParticipantDetails",
    ]);
    for (const operation of specOperations) expect(operation.example).toMatchObject({ success: true });
    expect(specFilters).toEqual([
      "device_info",
      "ip_information",
      "precall_network_information",
      "events",
      "quality_stats",
    ]);
  });
});

describe("requests the spec allows pass", () => {
  test.each([
    detailsURL,
    `${detailsURL}?filters=device_info,events&include_peer_events=false`,
    `${detailsURL}?filters=${specFilters.join(",")}`,
    peerURL,
    `${peerURL}?filters=quality_stats`,
    `${base}/accounts/a%20b%2Fc/realtime/kit/%C3%BC/sessions/peer-report/${peerId}`,
  ])("%s", (url) => {
    expect(problems(url)).toEqual([]);
  });

  test("and decodes path parameters", () => {
    const check = checkRequestAgainstSpec(
      `${base}/accounts/a%20b%2Fc/realtime/kit/%C3%BC/sessions/peer-report/${peerId}`,
      "/client/v4",
    );
    expect(check.operationId).toBe("getParticipantDataFromPeerId");
    expect(check.path).toEqual({ account_id: "a b/c", app_id: "ü", peer_id: peerId });
  });
});

describe("requests that break the spec fail", () => {
  test.each([
    ["a non-UUID peer_id", `${base}/accounts/a/realtime/kit/b/sessions/peer-report/nope`, "peer_id"],
    ["a non-UUID session_id", detailsURL.replace(sessionId, "x"), "session_id"],
    ["a 33-character account_id", peerURL.replace(accountId, `${accountId}x`), "account_id"],
    ["an empty app_id", peerURL.replace(`/${appId}/`, "//"), "app_id"],
    ["an extra path segment", `${peerURL}/extra`, "matches no path template"],
    ["a path below another base", peerURL.replace("/client/v4", ""), "is not below"],
    ["a filter outside the enum", `${peerURL}?filters=nope`, "filters"],
    ["an encoded comma between filters", `${peerURL}?filters=device_info%2Cevents`, "filters"],
    ["a space between filters", `${peerURL}?filters=device_info,%20events`, "filters"],
    ["an empty filters value", `${peerURL}?filters=`, "filters"],
    ["filters twice", `${peerURL}?filters=events&filters=device_info`, "more than once"],
    ["include_peer_events=1", `${detailsURL}?include_peer_events=1`, "include_peer_events"],
    ["include_peer_events on the peer report", `${peerURL}?include_peer_events=true`, "not declared"],
    ["an unknown query parameter", `${detailsURL}?page=2`, "not declared"],
    ["broken percent-encoding", peerURL.replace(appId, "%E0%A4%A"), "percent-encoding"],
  ])("%s", (_label, url, expected) => {
    expect(problems(url).join("\n")).toContain(expected);
  });
});
