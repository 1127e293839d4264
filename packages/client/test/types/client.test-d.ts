import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  APIError,
  createRealtimeKitClient,
  type GetParticipantDataFromPeerIdParams,
  type GetParticipantDataFromPeerIdResponse,
  type GetSessionParticipantDetailsResponse,
  InvalidParameterError,
  NotFoundError,
  type Participant,
  type ParticipantFilter,
  type PeerReport,
  RateLimitError,
  RealtimeKitError,
} from "../../src/index.js";

const rtk = createRealtimeKitClient({ apiToken: "t" });
const session_id = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

describe("results", () => {
  it("are the documented bodies", async () => {
    const details = await rtk.sessions.getSessionParticipantDetails("p", { session_id });
    expectTypeOf(details).toEqualTypeOf<GetSessionParticipantDetailsResponse>();
    expectTypeOf(details.data).toEqualTypeOf<{ participant?: Participant | null } | null | undefined>();
    expectTypeOf(details.success).toEqualTypeOf<boolean | null | undefined>();

    const peer = await rtk.sessions.getParticipantDataFromPeerId("p");
    expectTypeOf(peer).toEqualTypeOf<GetParticipantDataFromPeerIdResponse>();
    expectTypeOf(peer.data?.peer_report).toEqualTypeOf<PeerReport | null | undefined>();
  });

  it("raw answers are typed by path", async () => {
    const { data } = await rtk.raw.GET(
      "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}",
      {
        params: { path: { account_id: "a", app_id: "b", peer_id: "c" } },
      },
    );
    expectTypeOf(data).toEqualTypeOf<GetParticipantDataFromPeerIdResponse | undefined>();
  });
});

describe("parameters", () => {
  it("accept every documented shape", () => {
    assertType(
      rtk.sessions.getSessionParticipantDetails(
        "p",
        {
          session_id,
          account_id: "a",
          app_id: "b",
          filters: ["events", "device_info"],
          include_peer_events: true,
        },
        { signal: new AbortController().signal, timeout: 1, maxRetries: 0, headers: { "x-a": "1" } },
      ),
    );
    assertType(rtk.sessions.getSessionParticipantDetails("p", { session_id, filters: "quality_stats" }));
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", { filters: ["ip_information"] as const }));
  });

  it("refuse a wrong filter literal", () => {
    // @ts-expect-error "event" is not a filter
    assertType(rtk.sessions.getSessionParticipantDetails("p", { session_id, filters: ["event"] }));
    // @ts-expect-error "everything" is not a filter
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", { filters: "everything" }));
  });

  it("refuse a missing session_id", () => {
    // @ts-expect-error session_id is required
    assertType(rtk.sessions.getSessionParticipantDetails("p", { filters: ["events"] }));
    // @ts-expect-error the parameters are required
    assertType(rtk.sessions.getSessionParticipantDetails("p"));
  });

  it("refuse include_peer_events where it does not belong, or of the wrong type", () => {
    // @ts-expect-error the peer report takes no include_peer_events
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", { include_peer_events: true }));
    // @ts-expect-error include_peer_events is a boolean
    assertType(rtk.sessions.getSessionParticipantDetails("p", { session_id, include_peer_events: "true" }));
  });

  it("refuse what is not the operation's parameters object (the issue's examples and their kind)", () => {
    // @ts-expect-error a filter goes in { filters }
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", "quality_stats"));
    // @ts-expect-error an array is not the parameters object
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", ["quality_stats"]));
    // @ts-expect-error a Map is not the parameters object
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", new Map([["filters", "events"]])));
    // @ts-expect-error null is not "no parameters"
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", null));
    // @ts-expect-error a class instance with none of the parameters
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", new URLSearchParams("filters=events")));
    // @ts-expect-error a string is not the participant details' parameters
    assertType(rtk.sessions.getSessionParticipantDetails("p", "quality_stats"));
  });

  it("refuse keys the spec does not list for the operation", () => {
    // @ts-expect-error "filter" is a typo of "filters"
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", { filter: "events" }));
    // @ts-expect-error "filter" is a typo of "filters"
    assertType(rtk.sessions.getSessionParticipantDetails("p", { session_id, filter: "events" }));
    // @ts-expect-error the peer id is the first argument
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", { peer_id: "p" }));
    // @ts-expect-error the peer report has no session_id
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", { session_id }));
    // @ts-expect-error "timeOut" is not a call option
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", {}, { timeOut: 5 }));
    // @ts-expect-error an AbortSignal goes in { signal }
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", {}, new AbortController().signal));
    // @ts-expect-error "baseUrl" is openapi-fetch's spelling; ours is baseURL
    createRealtimeKitClient({ apiToken: "t", baseUrl: "https://example.com" });
  });

  it("accept undefined for every optional key, and readonly arrays", () => {
    const maybe = (): ParticipantFilter[] | undefined => undefined;
    const flag = (): boolean | undefined => undefined;
    const frozen: readonly ParticipantFilter[] = ["events"];
    assertType(
      rtk.sessions.getSessionParticipantDetails("p", {
        session_id,
        filters: maybe(),
        include_peer_events: flag(),
        account_id: undefined,
        app_id: undefined,
      }),
    );
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", { filters: frozen }));
    assertType(rtk.sessions.getParticipantDataFromPeerId("p", undefined, undefined));
    expectTypeOf<GetParticipantDataFromPeerIdParams>().toEqualTypeOf<{
      account_id?: string | undefined;
      app_id?: string | undefined;
      filters?: ParticipantFilter | readonly ParticipantFilter[] | undefined;
    }>();
  });

  it("refuse a raw call without its path parameters", () => {
    assertType(
      rtk.raw.GET("/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}", {
        // @ts-expect-error peer_id is missing
        params: { path: { account_id: "a", app_id: "b" } },
      }),
    );
  });
});

describe("errors", () => {
  it("narrow with instanceof", () => {
    const error: unknown = new Error();
    if (error instanceof NotFoundError) {
      expectTypeOf(error).toEqualTypeOf<NotFoundError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.errors).toEqualTypeOf<{ code: number; message: string }[]>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.headers).toEqualTypeOf<Headers>();
      expectTypeOf(error.name).toEqualTypeOf<"NotFoundError">();
    }
    if (error instanceof InvalidParameterError) expectTypeOf(error.param).toEqualTypeOf<string>();
    if (error instanceof RealtimeKitError) expectTypeOf(error).toEqualTypeOf<RealtimeKitError>();
  });

  it("keep the other subclasses in the false branch", () => {
    const error = new APIError(500, new Headers(), null) as APIError;
    if (error instanceof RateLimitError) {
      expectTypeOf(error).toEqualTypeOf<RateLimitError>();
    } else {
      expectTypeOf(error).toEqualTypeOf<APIError>();
      expectTypeOf(error).not.toBeNever();
    }
  });
});
