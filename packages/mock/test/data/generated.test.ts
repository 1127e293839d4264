// The properties every generated body has, over thousands of seeds and ids: valid against the spec,
// timestamps in order, durations and minutes that add up, ids echoed, and the same bytes for the same input.
import { describe, expect, it } from "vitest";
import { participantBody, peerReportBody } from "../../src/data/bodies.js";
import { mos } from "../../src/data/call-stats.js";
import { createRandom } from "../../src/data/random.js";
import { createMockFetch } from "../../src/index.js";
import { ids, participantPath, peerReportPath } from "../helpers/api.js";
import { responseValidators, sdkFieldTypes } from "../helpers/spec-schema.js";

const validators = responseValidators();
const isoUTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const runs = 3_000;

type Event = Record<string, unknown> & { event_name: string; minutes_consumed: number; created_at: string };
type Person = Record<string, unknown> & {
  created_at: string;
  joined_at: string;
  left_at: string;
  updated_at: string;
  duration: number;
  peer_events: Event[];
};

/** Ids for run `i`: a fresh UUID per run, from a generator independent of the mock's. */
function idsFor(i: number) {
  const random = createRandom("test-ids", String(i));
  return {
    account_id: random.hex(32),
    app_id: `app-${random.hex(6)}`,
    session_id: random.uuid(),
    participant_id: random.uuid(),
    peer_id: random.uuid(),
  };
}

const ms = (iso: string) => Date.parse(iso);

function checkPerson(person: Person, where: string): void {
  for (const field of ["created_at", "joined_at", "left_at", "updated_at"] as const) {
    expect(person[field], `${where} ${field}`).toMatch(isoUTC);
  }
  const [created, joined, left, updated] = [
    person.created_at,
    person.joined_at,
    person.left_at,
    person.updated_at,
  ].map(ms) as [number, number, number, number];
  expect(created <= joined && joined <= left && left <= updated, `${where}: timestamps in order`).toBe(true);
  expect(Math.abs(person.duration - (left - joined) / 60_000), `${where}: duration`).toBeLessThanOrEqual(
    0.005,
  );
  const events = person.peer_events;
  expect(
    events.map((e) => e.event_name),
    where,
  ).toEqual(["PEER_CREATED", "PEER_JOINING", "PEER_LEAVING"]);
  const minutes = events.reduce((sum, e) => sum + e.minutes_consumed, 0);
  expect(minutes, `${where}: minutes_consumed add up to duration`).toBe(person.duration);
  const times = events.map((e) => ms(e.created_at));
  expect(times, where).toEqual([...times].sort((a, b) => a - b));
  expect(times[0], where).toBe(created);
  expect(times[2], where).toBe(left);
}

describe("generated participant details", () => {
  it(`validate against the spec and keep their timeline over ${runs} seeds`, { timeout: 60_000 }, () => {
    for (let i = 0; i < runs; i++) {
      const p = idsFor(i);
      const body = participantBody(i, p, true);
      if (!validators.participant(body)) {
        throw new Error(`seed ${i}: ${JSON.stringify(validators.participant.errors)}`);
      }
      const participant = (body.data as { participant: Person }).participant;
      expect(participant.id).toBe(p.participant_id);
      for (const event of participant.peer_events) {
        expect([event.participant_id, event.session_id]).toEqual([p.participant_id, p.session_id]);
      }
      checkPerson(participant, `seed ${i}`);
    }
  });

  it("leave peer_events out unless asked, the rest unchanged", () => {
    const { peer_events: _events, ...rest } = (participantBody(1, ids, true).data as { participant: Person })
      .participant;
    expect(participantBody(1, ids, false)).toStrictEqual({ data: { participant: rest }, success: true });
  });
});

describe("generated peer reports", () => {
  const sdkTypes = sdkFieldTypes();

  it(`validate against the spec, with plausible call statistics, over ${runs} seeds`, {
    timeout: 60_000,
  }, () => {
    const problems: string[] = [];
    for (let i = 0; i < runs; i++) {
      const p = idsFor(i);
      const body = peerReportBody(`seed-${i}`, p);
      if (!validators.peer(body)) throw new Error(`seed ${i}: ${JSON.stringify(validators.peer.errors)}`);
      const data = body.data as Person & {
        id: string;
        session_id: string;
        peer_report: { quality: Record<string, unknown> };
      };
      expect(data.id).toBe(p.peer_id);
      checkPerson(data, `seed ${i}`);
      const quality = data.peer_report.quality;
      for (const track of ["audio_producer", "video_producer", "audio_consumer", "video_consumer"]) {
        const samples = quality[track] as {
          timestamp: string;
          mos_quality: number;
          jitter: number;
          packets_lost: number;
          packets_sent?: number;
          packets_received: number;
          rtt: number;
        }[];
        if (samples.length < 3) problems.push(`seed ${i} ${track}: ${samples.length} samples`);
        samples.forEach((s, n) => {
          const where = `seed ${i} ${track}[${n}]`;
          const total = s.packets_sent ?? s.packets_received + s.packets_lost;
          if (!(s.mos_quality >= 1 && s.mos_quality <= 5)) problems.push(`${where}: MOS ${s.mos_quality}`);
          if (!(s.jitter >= 0)) problems.push(`${where}: jitter ${s.jitter}`);
          if (!(s.packets_lost >= 0 && s.packets_lost <= total))
            problems.push(`${where}: lost ${s.packets_lost}`);
          if (track.endsWith("producer") && !(s.rtt > 0)) problems.push(`${where}: rtt ${s.rtt}`);
          const at = ms(s.timestamp);
          if (!(at >= ms(data.joined_at) && at <= ms(data.left_at)))
            problems.push(`${where}: outside the call`);
        });
        const cumulative = quality[`${track}_cumulative`] as {
          packet_loss: { avg: number };
          quality_mos: { avg: number; p50: number; p90: number };
        };
        const { packet_loss: loss, quality_mos: score } = cumulative;
        if (!(loss.avg >= 0 && loss.avg < 100)) problems.push(`seed ${i} ${track}: loss avg ${loss.avg}`);
        if (!(score.p50 <= score.p90)) problems.push(`seed ${i} ${track}: p50 > p90`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("carry only fields Cloudflare's SDK types declare, with the declared types", { timeout: 60_000 }, () => {
    for (let i = 0; i < 200; i++) {
      const data = peerReportBody(i, idsFor(i)).data as Record<string, unknown>;
      const { peer_report, ...rest } = data;
      const problems: string[] = [];
      walk({ peer_report }, "data.participant", sdkTypes, problems);
      expect(problems, `seed ${i}`).toEqual([]);
      expect(Object.keys(rest).length).toBeGreaterThan(5);
    }
  });

  it("name the device, browser and network", () => {
    const metadata = (
      peerReportBody(3, ids).data as { peer_report: { metadata: Record<string, Record<string, unknown>> } }
    ).peer_report.metadata;
    expect(metadata.browser_metadata).toMatchObject({
      browser: expect.any(String),
      user_agent: expect.stringMatching(/^Mozilla\/5\.0/),
    });
    expect(metadata.device_info).toMatchObject({ os: expect.any(String), cpus: expect.any(Number) });
    expect(metadata.ip_information).toMatchObject({
      ipv4: expect.stringMatching(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/),
      country: expect.stringMatching(/^[A-Z]{2}$/),
      timezone: expect.stringMatching(/^[A-Z][a-z]+\//),
    });
  });
});

function walk(value: unknown, path: string, types: Map<string, string>, problems: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === "object" && item !== null) walk(item, `${path}[]`, types, problems);
    }
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    const declared = types.get(childPath);
    if (declared === undefined) {
      // A free-form dictionary (the events' metadata) takes any key.
      if (types.get(path)?.startsWith("{ [key: string]")) continue;
      problems.push(`${childPath} is not in the SDK's types`);
      continue;
    }
    if (!typeMatches(child, declared))
      problems.push(`${childPath}: ${JSON.stringify(child)} is not ${declared}`);
    walk(child, childPath, types, problems);
  }
}

function typeMatches(value: unknown, declared: string): boolean {
  if (declared === "array of objects") return Array.isArray(value);
  if (declared === "string[]") return Array.isArray(value) && value.every((v) => typeof v === "string");
  if (declared === "object" || declared.startsWith("{ [key: string]")) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }
  return declared.split(" | ").some((alternative) => {
    if (alternative.startsWith('"')) return value === JSON.parse(alternative);
    if (alternative === "null") return value === null;
    return typeof value === alternative;
  });
}

describe("determinism", () => {
  it("gives the same bytes for the same ids and seed, through the mock and between calls", async () => {
    const a = createMockFetch({ seed: "ci" });
    const b = createMockFetch({ seed: "ci" });
    const auth = { headers: { authorization: "Bearer fake-token" } };
    for (const path of [`${participantPath()}?include_peer_events=true`, peerReportPath()]) {
      const first = await (await a.fetch(`${a.baseURL}${path}`, auth)).text();
      expect(await (await b.fetch(`${b.baseURL}${path}`, auth)).text()).toBe(first);
      expect(await (await a.fetch(`${a.baseURL}${path}`, auth)).text()).toBe(first);
    }
  });

  it("gives other data for another id or another seed", () => {
    const other = { ...ids, participant_id: "00000000-0000-4000-8000-000000000001" };
    const base = JSON.stringify(participantBody("s", ids, true));
    expect(JSON.stringify(participantBody("s", other, true))).not.toBe(base);
    expect(JSON.stringify(participantBody("t", ids, true))).not.toBe(base);
    const names = new Set(
      Array.from(
        { length: 300 },
        (_, i) =>
          (participantBody(i, ids, false).data as { participant: { display_name: string } }).participant
            .display_name,
      ),
    );
    expect(names.size).toBeGreaterThan(150);
  });

  it("pins one seed's body, so a change to the generator is a visible, deliberate change", () => {
    const body = participantBody("realtimekit", ids, false);
    expect(body).toMatchInlineSnapshot(`
      {
        "data": {
          "participant": {
            "created_at": "2026-02-19T14:21:35.484Z",
            "custom_participant_id": "usr_6f98f5ab906d",
            "display_name": "Mateo Müller",
            "duration": 68.45,
            "id": "3f1c8a7e-2b4d-4e6f-8a9b-0c1d2e3f4a5b",
            "joined_at": "2026-02-19T14:21:55.624Z",
            "left_at": "2026-02-19T15:30:22.624Z",
            "preset_name": "group_call_participant",
            "updated_at": "2026-02-19T15:30:51.981Z",
            "user_id": "49f2d7e5-8a92-43d7-ba83-c96b31868267",
          },
        },
        "success": true,
      }
    `);
  });
});

describe("the MOS model (simplified ITU-T G.107 E-model)", () => {
  it("rates a clean call above 4.3 and a lossy, slow one below 3", () => {
    expect(mos(20, 2, 0)).toBeGreaterThan(4.3);
    expect(mos(400, 40, 8)).toBeLessThan(3);
    expect(mos(1_000, 100, 60)).toBeGreaterThanOrEqual(1);
  });
});
