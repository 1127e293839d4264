import { assertType, describe, expectTypeOf, it } from "vitest";
import type {
  CloudflareErrorEnvelope,
  ErrorEnvelope,
  GetParticipantDataFromPeerIdParameters,
  GetParticipantDataFromPeerIdResponse,
  GetSessionParticipantDetailsParameters,
  GetSessionParticipantDetailsResponse,
  Participant,
  ParticipantFilter,
  PeerEvent,
  PeerEventName,
  PeerParticipant,
  PeerReport,
  PresetViewType,
  paths,
  RealtimeKitErrorEnvelope,
} from "../src/index.js";

describe("friendly names", () => {
  it("name the five filters and nothing else", () => {
    expectTypeOf<ParticipantFilter>().toEqualTypeOf<
      "device_info" | "ip_information" | "precall_network_information" | "events" | "quality_stats"
    >();
    // @ts-expect-error a filter the API does not document
    assertType<ParticipantFilter>("device");
  });

  it("reach the participant through the response body", () => {
    expectTypeOf<
      NonNullable<NonNullable<GetSessionParticipantDetailsResponse["data"]>["participant"]>
    >().toEqualTypeOf<Participant>();
    expectTypeOf<NonNullable<Participant["peer_events"]>[number]>().toEqualTypeOf<PeerEvent>();
    expectTypeOf<PeerEventName>().toEqualTypeOf<"PEER_CREATED" | "PEER_JOINING" | "PEER_LEAVING">();
    expectTypeOf<PresetViewType>().toEqualTypeOf<
      "GROUP_CALL" | "WEBINAR" | "AUDIO_ROOM" | "LIVESTREAM" | "CHAT"
    >();
  });

  it("reach the peer report through the peer response body", () => {
    expectTypeOf<
      NonNullable<GetParticipantDataFromPeerIdResponse["data"]>
    >().toEqualTypeOf<PeerParticipant>();
    expectTypeOf<NonNullable<PeerParticipant["peer_report"]>>().toEqualTypeOf<PeerReport>();
    expectTypeOf<PeerReport["quality"]>().toEqualTypeOf<{ [key: string]: unknown } | null | undefined>();
  });

  it("promise no more than the API does: every documented field may be absent or null", () => {
    assertType<Participant>({});
    assertType<Participant>({ id: null, duration: null, peer_events: null });
    // @ts-expect-error a field the pages do not document
    assertType<Participant>({ nickname: "ada" });
  });

  it("tell the two error envelopes apart by their keys", () => {
    const envelope = {} as ErrorEnvelope;
    if ("error" in envelope) expectTypeOf(envelope).toEqualTypeOf<RealtimeKitErrorEnvelope>();
    else expectTypeOf(envelope).toEqualTypeOf<CloudflareErrorEnvelope>();
  });

  it("type the operations' parameters from the spec", () => {
    expectTypeOf<GetSessionParticipantDetailsParameters["path"]>().toEqualTypeOf<{
      account_id: string;
      app_id: string;
      session_id: string;
      participant_id: string;
    }>();
    expectTypeOf<NonNullable<GetSessionParticipantDetailsParameters["query"]>>().toEqualTypeOf<{
      filters?: ParticipantFilter[];
      include_peer_events?: boolean;
    }>();
    expectTypeOf<NonNullable<GetParticipantDataFromPeerIdParameters["query"]>>().toEqualTypeOf<{
      filters?: ParticipantFilter[];
    }>();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}"
      | "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}"
    >();
  });
});
