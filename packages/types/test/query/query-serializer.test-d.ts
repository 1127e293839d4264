import createClient, { type ClientOptions } from "openapi-fetch";
import { assertType, expectTypeOf, it } from "vitest";
import {
  type GetSessionParticipantDetailsParameters,
  type ParticipantFilter,
  type paths,
  querySerializer,
} from "../../src/index.js";

it("is what openapi-fetch takes as querySerializer, for the client and for one request", () => {
  expectTypeOf(querySerializer).toExtend<NonNullable<ClientOptions["querySerializer"]>>();
  const api = createClient<paths>({ baseUrl: "http://127.0.0.1:1", querySerializer });
  assertType(
    api.GET("/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}", {
      params: { path: { account_id: "a", app_id: "b", peer_id: "c" }, query: { filters: ["events"] } },
      querySerializer,
    }),
  );
});

it("takes the operations' query types as they are", () => {
  const query: NonNullable<GetSessionParticipantDetailsParameters["query"]> = { filters: ["events"] };
  expectTypeOf(querySerializer(query)).toEqualTypeOf<string>();
  // A query typed by the user's own interface, which has no index signature.
  interface Query {
    filters?: ParticipantFilter[];
    include_peer_events?: boolean;
  }
  const mine: Query = { filters: ["events"] };
  expectTypeOf(querySerializer(mine)).toEqualTypeOf<string>();
  // @ts-expect-error a query is an object of parameters, not a string
  querySerializer("filters=events");
});
