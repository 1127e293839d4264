import type {
  GetParticipantDataFromPeerIdResponse,
  GetSessionParticipantDetailsResponse,
  operations,
  ParticipantFilter,
  paths,
} from "@realtimekit-api/types";
import openapiFetch, { type Client, type Middleware } from "openapi-fetch";
import { apiError, InvalidParameterError } from "./errors.js";
import { operationParameters, operationPaths } from "./generated/spec.js";
import { redact } from "./internal/redact.js";
import {
  type ClientOptions,
  fetchOptionsParam,
  maxRetries,
  maxTimeout,
  type RequestOptions,
  requestOptionKeys,
  resolveOptions,
} from "./options.js";
import {
  booleanParam,
  countParam,
  filtersParam,
  headersParam,
  keysParam,
  pathParam,
  signalParam,
} from "./params.js";
import type { RateLimit } from "./rate-limit.js";
import { Draft, logLevels, send } from "./transport.js";

// One object type, so that TypeScript refuses what has no key in common with it (a string, an array, a `Map`).
type Flat<T> = { [K in keyof T]: T[K] } & {};
// `| undefined` on every optional key, so that `{ filters: maybe }` compiles under `exactOptionalPropertyTypes`.
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

type CallParams<K extends keyof operations, Id extends string> = Flat<
  Omit<operations[K]["parameters"]["path"], "account_id" | "app_id" | Id> &
    Optional<Pick<operations[K]["parameters"]["path"], "account_id" | "app_id">> &
    Optional<Omit<NonNullable<operations[K]["parameters"]["query"]>, "filters">> & {
      /** One filter or several (a readonly array too); duplicates are sent once. */
      filters?: ParticipantFilter | readonly ParticipantFilter[] | undefined;
    }
>;

/**
 * Parameters of `getSessionParticipantDetails` besides the participant id, the spec's and no other:
 * `session_id` (a UUID), `filters`, `include_peer_events`, and `account_id` and `app_id`, which default to
 * the client's. Any other key is refused with `InvalidParameterError`.
 */
export type GetSessionParticipantDetailsParams = CallParams<"getSessionParticipantDetails", "participant_id">;
/**
 * Parameters of `getParticipantDataFromPeerId` besides the peer id, the spec's and no other: `filters`, and
 * `account_id` and `app_id`, which default to the client's. Any other key (`include_peer_events` belongs to
 * the participant details) is refused with `InvalidParameterError`.
 */
export type GetParticipantDataFromPeerIdParams = CallParams<"getParticipantDataFromPeerId", "peer_id">;

/** A RealtimeKit API client; see `createRealtimeKitClient`. */
export interface RealtimeKitClient {
  /** Sessions of a RealtimeKit app, their participants and peers. */
  sessions: {
    /**
     * Details of a participant, with call statistics, for a session. Rejects with `InvalidParameterError`,
     * before anything is sent, when `params` is not an object of the operation's parameters, has a key the
     * spec does not list for it, or a value it does not allow; and when `options` has an unknown key.
     */
    getSessionParticipantDetails(
      participantId: string,
      params: GetSessionParticipantDetailsParams,
      options?: RequestOptions,
    ): Promise<GetSessionParticipantDetailsResponse>;
    /**
     * Details of a peer, with its call statistics report. Rejects with `InvalidParameterError`, before
     * anything is sent, when `params` is given but is not an object of the operation's parameters (a
     * filter goes in `{ filters }`), has a key the spec does not list for it, or a value it does not allow;
     * and when `options` has an unknown key.
     */
    getParticipantDataFromPeerId(
      peerId: string,
      params?: GetParticipantDataFromPeerIdParams,
      options?: RequestOptions,
    ): Promise<GetParticipantDataFromPeerIdResponse>;
  };
  /** The typed openapi-fetch client underneath, with the same auth, retries and timeouts. */
  raw: Client<paths, "application/json">;
  /** Adds openapi-fetch middleware to every call, raw ones included; it runs once per call, not per retry. */
  use(...middleware: Middleware[]): void;
  /**
   * The API's request quota as the client knows it from the latest responses, `{ limit, remaining,
   * resetAt }` (`resetAt` in milliseconds since the epoch); undefined before the first response that
   * states one, and always with `rateLimit: false`.
   */
  readonly rateLimit: RateLimit | undefined;
}

/** Creates a RealtimeKit API client; throws `RealtimeKitError` if there is no token or an option is invalid. */
export function createRealtimeKitClient(options: ClientOptions = {}): RealtimeKitClient {
  const { settings, accountId, appId, baseUrl, headers } = resolveOptions(options ?? {});
  // The validators come in through an option from the drift entry, so none of their bytes are in this one.
  const { validateResponses: mode, responseValidator } = options ?? {};
  const validate = mode && mode !== "off";
  if (validate && typeof responseValidator !== "function") {
    throw new InvalidParameterError(
      "responseValidator",
      'must be given: import it from "@realtimekit-api/client/drift"',
    );
  }
  const checkResponse =
    validate &&
    responseValidator?.(
      options,
      settings.secrets,
      (line) => settings.level >= logLevels.indexOf("warn") && settings.logger.warn(line),
    );
  // Node's CommonJS interop hands our CJS build openapi-fetch's whole `exports`, whose `default` is the function.
  const createClient = (openapiFetch as { default?: typeof openapiFetch }).default ?? openapiFetch;
  const raw = createClient<paths>({
    baseUrl,
    headers,
    fetch: (request) => send(request, settings),
    // Values are encoded before they are joined, so the comma between filters stays literal.
    querySerializer: { array: { style: "form", explode: false } },
  });
  // Until middleware is added, nothing but `send` sees a method's request, so it can be a cheap `Draft`.
  let middleware = false;
  const use = raw.use;
  raw.use = (...added) => {
    middleware = true;
    use(...added);
  };
  const call = async (
    operation: keyof typeof operationPaths,
    id: string,
    idValue: unknown,
    given: unknown,
    givenOptions: unknown,
  ) => {
    // The spec's parameters of the operation, but the one the method takes as its first argument.
    const names = operationParameters[operation].filter((name) => name !== id);
    const params: Record<string, unknown> = keysParam("params", given, names, `${operation}'s parameters`, {
      [id]: "it is the method's first argument",
    });
    // `null` means no options.
    const callOptions: RequestOptions = keysParam(
      "options",
      givenOptions ?? undefined,
      requestOptionKeys,
      "a call's options",
      {
        apiToken: "it is an option of createRealtimeKitClient",
      },
    );
    const path: Record<string, string> = { [id]: pathParam(id as "peer_id", idValue) };
    const query: Record<string, unknown> = {};
    if (operation === "getSessionParticipantDetails") {
      path.session_id = pathParam("session_id", params.session_id);
      query.include_peer_events = booleanParam("include_peer_events", params.include_peer_events);
    }
    const callSettings = {
      ...settings,
      timeout: countParam("timeout", callOptions.timeout, settings.timeout, maxTimeout, 1),
      maxRetries: countParam("maxRetries", callOptions.maxRetries, settings.maxRetries, maxRetries),
      signal: signalParam(callOptions.signal),
      fetchOptions: { ...settings.fetchOptions, ...fetchOptionsParam(callOptions.fetchOptions) },
    };
    const init = {
      params: {
        path: {
          account_id: pathParam("account_id", params.account_id ?? accountId),
          app_id: pathParam("app_id", params.app_id ?? appId),
          ...path,
        },
        query: { filters: filtersParam(params.filters), ...query },
      },
      parseAs: "text",
      headers: headersParam(callOptions.headers),
      Request: middleware ? undefined : Draft,
      fetch: (request: Request) => send(request, callSettings),
    } as const;
    // Both operations are GETs whose parameters were checked above; the union of their paths defeats inference.
    const { data, error, response } = await (
      raw.GET as (path: string, init: object) => ReturnType<typeof raw.GET>
    )(operationPaths[operation], init);
    // openapi-fetch answers an empty body as "" or undefined, depending on Content-Length.
    let body: unknown = (error as unknown) === "" ? undefined : error;
    if (response.ok && data) {
      try {
        body = JSON.parse(data as string);
      } catch {
        body = data;
      }
      if (body && typeof body === "object" && (body as { success?: unknown }).success !== false) {
        if (checkResponse) checkResponse(operation, response.status, body);
        return body;
      }
    }
    const answered = new Headers(
      [...response.headers].map(([name, value]): [string, string] => [
        name,
        redact(value, settings.secrets) as string,
      ]),
    );
    throw apiError(response.status, answered, redact(body, settings.secrets));
  };

  // The methods are async so that a refused parameter rejects like every other failure instead of throwing.
  return {
    sessions: {
      getSessionParticipantDetails: async (participantId, params, callOptions) =>
        call(
          "getSessionParticipantDetails",
          "participant_id",
          participantId,
          params,
          callOptions,
        ) as Promise<GetSessionParticipantDetailsResponse>,
      getParticipantDataFromPeerId: async (peerId, params, callOptions) =>
        call(
          "getParticipantDataFromPeerId",
          "peer_id",
          peerId,
          params,
          callOptions,
        ) as Promise<GetParticipantDataFromPeerIdResponse>,
    },
    raw,
    use: raw.use,
    get rateLimit() {
      return settings.pacer?.rateLimit;
    },
  };
}
