import {
  buildMockCore,
  controlsOf,
  MockConnectionReset,
  type MockControls,
  type MockOptions,
} from "./handler.js";

/** Options of `createMockFetch`. */
export interface MockFetchOptions extends MockOptions {
  /**
   * The base URL the mock answers under; requests elsewhere reject. Default `http://localhost/client/v4`:
   * a loopback address the client accepts over `http:`, where nothing is sent if a `fetch` is left unwired.
   */
  baseURL?: string | undefined;
}

/** A mock answering in-process: hand `fetch` and `baseURL` to the client. */
export interface MockFetch extends MockControls {
  /**
   * Answers like the global `fetch`, with no socket: `(input: string | URL | Request, init?: RequestInit)`.
   * Rejects with a `TypeError` for a URL outside `baseURL` and for a scripted `reset` (as a network failure
   * does), and with the signal's reason when `init.signal` (or the Request's) aborts a delayed or hung answer.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The base URL to give the client, e.g. `http://localhost/client/v4`. */
  readonly baseURL: string;
  /** Ends every pending delay and hang (they reject with a `TypeError`). Nothing else needs closing. */
  close(): void;
}

const defaultBaseURL = "http://localhost/client/v4";

/**
 * The mock as a `fetch` function, for tests that cannot or will not open a port (unit tests, browsers,
 * Workers): `createRealtimeKitClient({ fetch: mock.fetch, baseURL: mock.baseURL, apiToken: "fake-token" })`.
 * Throws a `TypeError` for a mistake in `options` (a bad script or base URL).
 */
export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  const base = parseBaseURL(options.baseURL ?? defaultBaseURL);
  const core = buildMockCore(options, "createMockFetch", ["baseURL"], base.path);
  const baseURL = `${base.origin}${base.path}`;

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // As the global fetch does: init overrides the Request, and an invalid input rejects with a TypeError.
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (
      url.origin !== base.origin ||
      !(url.pathname === base.path || url.pathname.startsWith(`${base.path}/`))
    ) {
      throw new TypeError(
        `realtimekit-mock: ${url.origin}${url.pathname} is not under the mock's baseURL ${baseURL}`,
      );
    }
    if (request.signal.aborted) throw request.signal.reason;
    try {
      return await core.fetch(request);
    } catch (error) {
      // What a dropped connection looks like to a caller of the global fetch.
      if (error instanceof MockConnectionReset) throw new TypeError("fetch failed", { cause: error });
      throw error;
    }
  };

  return { fetch, baseURL, ...controlsOf(core) };
}

/** The origin and path (without a trailing slash) of a base URL. */
export function parseBaseURL(value: string): { origin: string; path: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`baseURL must be an absolute URL (got ${JSON.stringify(value)})`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError(`baseURL must have no query, fragment or credentials (got ${JSON.stringify(value)})`);
  }
  // `…/client/v4/` and `…/client/v4` are the same base.
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, "") };
}
