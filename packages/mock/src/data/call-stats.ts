import type { Json } from "../routes.js";
import { cameras, clients, microphones, networkTypes, places, speakers } from "./catalog.js";
import { iso, type Person } from "./person.js";
import { createRandom, type Random, round } from "./random.js";

type JsonObject = { [key: string]: Json };

// Units. Cloudflare's published types name these fields without units; the mock writes jitter, RTT and
// jitter-buffer delay in milliseconds, packet loss in percent of packets, MOS on the ITU-T P.800 1–5
// scale, and fractions from 0 to 1. Counters (packets, bytes, frames) count within one sample's interval.

/** The network a peer sat on: the means its samples vary around. */
interface Network {
  rttMs: number;
  jitterMs: number;
  lossPercent: number;
}

/**
 * The peer report's `metadata` and `quality`, as Cloudflare's published SDK types (7.1.0) describe them:
 * the device, browser and network of the peer, and per-track samples with their cumulative summaries.
 */
export function callStats(
  seed: string | number,
  peerId: string,
  person: Person,
): { metadata: JsonObject; quality: JsonObject } {
  const random = createRandom(seed, "stats", peerId);
  const client = random.pick(clients);
  const place = random.pick(places);
  const ipv4 = `${place.prefix}.${random.int(2, 254)}`;
  // Most calls are good; some sit on a poor network, so a report shows both kinds of numbers.
  const quality = random.pick(["good", "good", "good", "fair", "poor"] as const);
  const network: Network = {
    good: { rttMs: random.int(18, 70), jitterMs: random.float(1, 6), lossPercent: random.float(0, 0.6) },
    fair: { rttMs: random.int(70, 180), jitterMs: random.float(6, 18), lossPercent: random.float(0.6, 3) },
    poor: { rttMs: random.int(180, 420), jitterMs: random.float(18, 45), lossPercent: random.float(3, 9) },
  }[quality];
  const devices = {
    audioinput: { device_id: random.hex(64), kind: "audioinput", label: random.pick(microphones) },
    videoinput: { device_id: random.hex(64), kind: "videoinput", label: random.pick(cameras) },
    audiooutput: { device_id: random.hex(64), kind: "audiooutput", label: random.pick(speakers) },
  };
  const at = (offsetMs: number) => iso(person.joined + offsetMs);
  const effectiveType = client.mobile ? "4g" : random.pick(networkTypes);

  const metadata: JsonObject = {
    sdk_name: "@cloudflare/realtimekit",
    sdk_type: client.mobile ? "mobile-web" : "web",
    sdk_version: `1.${random.int(0, 3)}.${random.int(0, 12)}`,
    room_view_type: person.preset.viewType,
    browser_metadata: {
      browser: client.browser,
      browser_version: client.version,
      engine: client.engine,
      user_agent: client.ua,
      webgl_support: true,
    },
    device_info: {
      cpus: client.mobile ? random.pick([6, 8]) : random.pick([4, 8, 10, 12, 16]),
      is_mobile: client.mobile,
      os: client.os,
      os_version: client.osVersion,
    },
    ip_information: {
      asn: {
        asn: place.asn,
        domain: place.domain,
        name: place.isp,
        route: `${place.prefix}.0/24`,
        type: "isp",
      },
      city: place.city,
      country: place.country,
      ipv4,
      org: `${place.asn} ${place.isp}`,
      region: place.region,
      timezone: place.timezone,
    },
    pc_metadata: [
      {
        effective_network_type: effectiveType,
        reflexive_connectivity: true,
        relay_connectivity: true,
        turn_connectivity: quality !== "poor" || random.chance(0.5),
        sdp: [],
        timestamp: at(-random.int(500, 1_500)),
      },
    ],
    selected_device_updates: [
      { device: devices.audioinput, timestamp: at(-random.int(1_500, 3_000)) },
      { device: devices.videoinput, timestamp: at(-random.int(1_500, 3_000)) },
    ],
    audio_devices_updates: [],
    video_devices_updates: [],
    speaker_devices_updates: [
      { added: [devices.audiooutput], removed: [], timestamp: at(-random.int(3_000, 5_000)) },
    ],
    events: [
      {
        name: "media_permission",
        timestamp: at(-random.int(4_000, 8_000)),
        metadata: { audio: "ACCEPTED", video: "ACCEPTED" },
      },
      { name: "call_join", timestamp: at(0), metadata: { effective_network_type: effectiveType } },
      { name: "call_leave", timestamp: iso(person.left), metadata: { reason: "user_left" } },
    ],
    candidate_pairs: {
      producing_transport: [candidatePair(random, ipv4, network)],
      consuming_transport: [candidatePair(random, ipv4, network)],
    },
  };

  const stay = person.left - person.joined;
  const samples = Math.max(3, Math.min(8, Math.round(stay / (10 * 60_000))));
  const interval = stay / samples;
  const remotePeer = random.uuid();
  const ids = {
    audio: random.uuid(),
    video: random.uuid(),
    remoteAudio: random.uuid(),
    remoteVideo: random.uuid(),
  };
  const ssrc = () => random.int(10_000_000, 4_294_967_295);
  const series = (make: (time: string, sample: Sample) => JsonObject): JsonObject[] =>
    Array.from({ length: samples }, (_, i) =>
      make(at(Math.round((i + 1) * interval)), sample(random, network, interval)),
    );

  const audioProducerSsrc = ssrc();
  const videoProducerSsrc = ssrc();
  const audioConsumerSsrc = ssrc();
  const videoConsumerSsrc = ssrc();
  const width = client.mobile ? 720 : random.pick([640, 1280, 1280]);
  const height = Math.round((width * 9) / 16);

  const audioProducer = series((timestamp, s) => ({
    bytes_sent: s.audioPackets * 160,
    jitter: s.jitterMs,
    mid: "0",
    mos_quality: s.mos,
    packets_lost: s.audioLost,
    packets_sent: s.audioPackets,
    producer_id: ids.audio,
    rtt: s.rttMs,
    ssrc: audioProducerSsrc,
    timestamp,
  }));
  const videoProducer = series((timestamp, s) => ({
    bytes_sent: s.videoPackets * 1_100,
    fir_count: 0,
    frame_height: height,
    frame_width: width,
    frames_encoded: s.frames,
    frames_per_second: s.fps,
    jitter: s.jitterMs,
    key_frames_encoded: Math.max(1, Math.round(s.frames / 900)),
    mid: "1",
    mos_quality: s.mos,
    packets_lost: s.videoLost,
    packets_sent: s.videoPackets,
    pli_count: s.videoLost > 0 ? Math.ceil(s.videoLost / 40) : 0,
    producer_id: ids.video,
    quality_limitation_durations: {
      bandwidth: s.limited,
      cpu: 0,
      none: round(s.seconds - s.limited, 1),
      other: 0,
    },
    quality_limitation_reason: s.limited > 0 ? "bandwidth" : "none",
    quality_limitation_resolution_changes: s.limited > 0 ? 1 : 0,
    rtt: s.rttMs,
    ssrc: videoProducerSsrc,
    timestamp,
  }));
  const audioConsumer = series((timestamp, s) => ({
    bytes_received: (s.audioPackets - s.audioLost) * 160,
    concealment_events: s.audioLost > 0 ? Math.ceil(s.audioLost / 3) : 0,
    consumer_id: ids.remoteAudio,
    jitter: s.jitterMs,
    jitter_buffer_delay: round(s.jitterMs * 2 + 20, 1),
    jitter_buffer_emitted_count: (s.audioPackets - s.audioLost) * 960,
    mid: "2",
    mos_quality: s.mos,
    packets_lost: s.audioLost,
    packets_received: s.audioPackets - s.audioLost,
    peer_id: remotePeer,
    producer_id: ids.remoteAudio,
    ssrc: audioConsumerSsrc,
    timestamp,
  }));
  const videoConsumer = series((timestamp, s) => ({
    bytes_received: (s.videoPackets - s.videoLost) * 1_100,
    consumer_id: ids.remoteVideo,
    fir_count: 0,
    frame_height: height,
    frame_width: width,
    frames_decoded: s.frames - s.dropped,
    frames_dropped: s.dropped,
    frames_per_second: s.fps,
    jitter: s.jitterMs,
    jitter_buffer_delay: round(s.jitterMs * 2 + 40, 1),
    jitter_buffer_emitted_count: s.frames - s.dropped,
    key_frames_decoded: Math.max(1, Math.round(s.frames / 900)),
    mid: "3",
    mos_quality: s.mos,
    packets_lost: s.videoLost,
    packets_received: s.videoPackets - s.videoLost,
    peer_id: remotePeer,
    producer_id: ids.remoteVideo,
    ssrc: videoConsumerSsrc,
    timestamp,
  }));

  const qualityStats: JsonObject = {
    audio_producer: audioProducer,
    audio_producer_cumulative: producerSummary(audioProducer),
    video_producer: videoProducer,
    video_producer_cumulative: producerSummary(videoProducer),
    audio_consumer: audioConsumer,
    audio_consumer_cumulative: consumerSummary(audioConsumer),
    video_consumer: videoConsumer,
    video_consumer_cumulative: consumerSummary(videoConsumer),
    screenshare_audio_producer: [],
    screenshare_video_producer: [],
    screenshare_audio_consumer: [],
    screenshare_video_consumer: [],
  };
  return { metadata, quality: qualityStats };
}

/** One sampling interval's measurements. */
interface Sample {
  seconds: number;
  rttMs: number;
  jitterMs: number;
  lossPercent: number;
  mos: number;
  audioPackets: number;
  audioLost: number;
  videoPackets: number;
  videoLost: number;
  frames: number;
  dropped: number;
  fps: number;
  /** Seconds the encoder was limited by bandwidth. */
  limited: number;
}

function sample(random: Random, network: Network, intervalMs: number): Sample {
  const seconds = round(intervalMs / 1_000, 1);
  const rttMs = Math.max(5, Math.round(network.rttMs * random.float(0.8, 1.25, 3)));
  const jitterMs = round(network.jitterMs * random.float(0.7, 1.4, 3), 1);
  const lossPercent = round(network.lossPercent * random.float(0.5, 1.5, 3), 2);
  // Opus sends 50 packets a second; video at ~1 Mbit/s about 110 packets a second.
  const audioPackets = Math.round(seconds * 50);
  const videoPackets = Math.round(seconds * random.int(95, 125));
  const fps = lossPercent > 3 ? random.int(15, 24) : random.int(27, 30);
  const frames = Math.round(seconds * fps);
  return {
    seconds,
    rttMs,
    jitterMs,
    lossPercent,
    mos: mos(rttMs, jitterMs, lossPercent),
    audioPackets,
    audioLost: Math.round((audioPackets * lossPercent) / 100),
    videoPackets,
    videoLost: Math.round((videoPackets * lossPercent) / 100),
    frames,
    dropped: Math.round((frames * lossPercent) / 200),
    fps,
    limited: lossPercent > 2 ? round(seconds * random.float(0.05, 0.3, 3), 1) : 0,
  };
}

/**
 * The mean opinion score the simplified ITU-T G.107 E-model gives a voice call: delay and loss lower
 * the rating R from 93.2, and R maps onto the 1–5 MOS scale.
 */
export function mos(rttMs: number, jitterMs: number, lossPercent: number): number {
  const latency = rttMs / 2 + jitterMs * 2 + 10;
  const delayImpairment = latency < 160 ? latency / 40 : (latency - 120) / 10;
  const r = Math.min(100, Math.max(0, 93.2 - delayImpairment - lossPercent * 2.5));
  return round(1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r), 2);
}

function candidatePair(random: Random, ipv4: string, network: Network): JsonObject {
  const rtt = round((network.rttMs * random.float(0.9, 1.1, 3)) / 1_000, 3);
  const packets = random.int(40_000, 400_000);
  return {
    local_candidate_address: ipv4,
    local_candidate_id: random.hex(8),
    local_candidate_network_type: "wlan",
    local_candidate_port: random.int(49_152, 65_535),
    local_candidate_protocol: "udp",
    local_candidate_type: "srflx",
    remote_candidate_address: `198.51.100.${random.int(2, 254)}`,
    remote_candidate_id: random.hex(8),
    remote_candidate_port: random.pick([443, 3478]),
    remote_candidate_protocol: "udp",
    remote_candidate_type: "host",
    nominated: true,
    current_round_trip_time: rtt,
    total_round_trip_time: round(rtt * random.int(200, 2_000), 3),
    packets_sent: packets,
    packets_received: Math.round(packets * random.float(0.9, 1.1, 3)),
    bytes_sent: packets * random.int(300, 1_100),
    bytes_received: packets * random.int(300, 1_100),
    available_outgoing_bitrate: random.int(800_000, 3_500_000),
  };
}

/** A producer track's `_cumulative`: loss, MOS and RTT over its samples. */
function producerSummary(samples: JsonObject[]): JsonObject {
  return {
    packet_loss: lossSummary(samples, "packets_sent"),
    quality_mos: mosSummary(samples),
    rtt: thresholds(samples, "rtt"),
  };
}

/** A consumer track's `_cumulative`: loss, MOS and jitter-buffer delay over its samples. */
function consumerSummary(samples: JsonObject[]): JsonObject {
  return {
    packet_loss: lossSummary(samples, "packets_received"),
    quality_mos: mosSummary(samples),
    jitter_buffer_delay: thresholds(samples, "jitter_buffer_delay"),
  };
}

/** Mean loss in percent over the samples, and the fraction of samples at or above each threshold. */
function lossSummary(samples: JsonObject[], countField: "packets_sent" | "packets_received"): JsonObject {
  const losses = samples.map((s) => {
    const lost = s.packets_lost as number;
    const total =
      countField === "packets_sent" ? (s.packets_sent as number) : (s.packets_received as number) + lost;
    return total > 0 ? (100 * lost) / total : 0;
  });
  return {
    avg: round(mean(losses), 2),
    "5_or_greater_event_fraction": fraction(losses, 5),
    "10_or_greater_event_fraction": fraction(losses, 10),
    "25_or_greater_event_fraction": fraction(losses, 25),
    "50_or_greater_event_fraction": fraction(losses, 50),
  };
}

function mosSummary(samples: JsonObject[]): JsonObject {
  const scores = samples.map((s) => s.mos_quality as number).sort((a, b) => a - b);
  return {
    avg: round(mean(scores), 2),
    p50: percentile(scores, 0.5),
    p75: percentile(scores, 0.75),
    p90: percentile(scores, 0.9),
  };
}

// The mean of a millisecond field and the fraction of samples at or above 100, 250 and 500 ms.
function thresholds(samples: JsonObject[], field: string): JsonObject {
  const values = samples.map((s) => s[field] as number);
  return {
    avg: round(mean(values), 1),
    "100ms_or_greater_event_fraction": fraction(values, 100),
    "250ms_or_greater_event_fraction": fraction(values, 250),
    "500ms_or_greater_event_fraction": fraction(values, 500),
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const fraction = (values: number[], limit: number) =>
  round(values.filter((v) => v >= limit).length / Math.max(1, values.length), 2);
// Nearest rank over sorted values.
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
