/**
 * What the client's per-request cost is made of: bare fetch, then one layer of what the client does added at
 * a time, measured like the contenders (alternating blocks, ratios to bare fetch within each round). The
 * middle layers are models of the client's transport, written here, not the client's code.
 */
import type { paths } from "@realtimekit-api/types";
import createClient from "openapi-fetch";
import { inChild, serveChild } from "./child.js";
import { type Calls, contenders, load } from "./contenders.js";
import { alternate, type PerRequestOptions, type PerRequestResult } from "./per-request.js";

/** The layers, in order, each with what it adds to the one before. */
export const layers = [
  { id: "fetch", label: "bare fetch + res.json()" },
  { id: "headers", label: "+ a Headers object, as openapi-fetch builds" },
  { id: "timeout", label: "+ a timeout: an AbortSignal for fetch and a timer" },
  { id: "openapi-fetch", label: "+ openapi-fetch: URL, query and headers built, response read as text" },
  { id: "client", label: "@realtimekit-api/client: + validation, retry and error handling" },
];

const account = "023e105f4ecef8ad9ca31a8372d0c353";
const ids = {
  session: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
  participant: "0b1f4e56-8d7a-4c3b-9e2f-1a6d5c4b3a29",
};
const peer = "5d2c7a9e-3b1f-4c8d-9e6a-7f0b2d4c6e8a";

type Send = (url: string, init: RequestInit & { headers: Headers }) => Promise<Response>;

const withHeaders: Send = (url, init) => {
  init.headers.set("authorization", "Bearer bench-token");
  return fetch(url, init);
};

const withTimeout: Send = async (url, init) => {
  const attempt = new AbortController();
  const timer = setTimeout(() => attempt.abort(), 60_000);
  try {
    init.headers.set("authorization", "Bearer bench-token");
    const answer = await fetch(url, { ...init, signal: attempt.signal });
    const text = await answer.text();
    return {
      ok: answer.ok,
      status: answer.status,
      headers: answer.headers,
      text: async () => text,
    } as Response;
  } finally {
    clearTimeout(timer);
  }
};

const direct = (baseURL: string, send: Send): Calls => {
  const app = `${baseURL}/accounts/${account}/realtime/kit/my-app/sessions`;
  const get = async (url: string) =>
    JSON.parse(await (await send(url, { headers: new Headers({ accept: "application/json" }) })).text());
  return {
    details: () => get(`${app}/${ids.session}/participants/${ids.participant}?include_peer_events=true`),
    peer: () => get(`${app}/peer-report/${peer}?filters=quality_stats`),
  };
};

const overOpenapiFetch = (baseUrl: string): Calls => {
  const client = createClient<paths>({
    baseUrl,
    headers: { accept: "application/json" },
    querySerializer: { array: { style: "form", explode: false } },
    // What the client gives openapi-fetch when no middleware is added: the init, not a `Request`.
    // biome-ignore lint/complexity/useArrowFunction: openapi-fetch calls it with `new`, which an arrow refuses.
    Request: function (url: string, init: RequestInit) {
      return Object.assign(init, { url });
    } as unknown as typeof Request,
    fetch: ((draft: RequestInit & { url: string; headers: Headers }) =>
      withTimeout(draft.url, draft)) as unknown as typeof fetch,
  });
  const path = { account_id: account, app_id: "my-app" };
  return {
    details: async () =>
      JSON.parse(
        (
          await client.GET(
            "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}",
            {
              params: {
                path: { ...path, session_id: ids.session, participant_id: ids.participant },
                query: { include_peer_events: true },
              },
              parseAs: "text",
            },
          )
        ).data as string,
      ),
    peer: async () =>
      JSON.parse(
        (
          await client.GET("/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}", {
            params: { path: { ...path, peer_id: peer }, query: { filters: ["quality_stats"] } },
            parseAs: "text",
          })
        ).data as string,
      ),
  };
};

const contender = (id: string) => contenders.find((c) => c.id === id) as (typeof contenders)[number];

const measure = async (options: PerRequestOptions): Promise<Record<string, PerRequestResult>> => {
  const calls: Record<string, Calls> = {
    fetch: await load(contender("fetch"), options.baseURL),
    headers: direct(options.baseURL, withHeaders),
    timeout: direct(options.baseURL, withTimeout),
    "openapi-fetch": overOpenapiFetch(options.baseURL),
    client: await load(contender("client"), options.baseURL),
  };
  return alternate(
    layers.map(({ id }) => ({ id, calls: calls[id] as Calls })),
    "fetch",
    options,
  );
};

/** Measures each layer's per-request cost in a fresh process. */
export const measureLayers = (options: PerRequestOptions) =>
  inChild<PerRequestOptions, Record<string, PerRequestResult>>(import.meta.url, options, ["--expose-gc"]);

serveChild(import.meta.url, measure);
