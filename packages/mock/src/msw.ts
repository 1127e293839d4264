import { HttpResponse, http, type RequestHandler } from "msw";
import { parseBaseURL } from "./fetch.js";
import {
  buildMockCore,
  controlsOf,
  MockClosedError,
  MockConnectionReset,
  type MockControls,
  type MockOptions,
} from "./handler.js";

/** Options of `createHandlers`. */
export interface MockHandlersOptions extends MockOptions {
  /** The API root the handlers intercept. Default `https://api.cloudflare.com/client/v4`, the client's default. */
  baseURL?: string | undefined;
}

/** MSW request handlers for the two operations, with the mock's controls beside them. */
export interface MockHandlers extends MockControls {
  /** Give them to `setupServer(...handlers)` (msw/node) or `setupWorker(...handlers)` (msw/browser). */
  readonly handlers: RequestHandler[];
  /** The base URL the handlers answer under. */
  readonly baseURL: string;
  /** Ends every pending delay and hang. */
  close(): void;
}

/**
 * The mock as MSW (Mock Service Worker) request handlers: every request under `baseURL` (any method, any
 * path, so unknown paths get the API's 404 rather than passing through) answers from the mock's core.
 * A scripted `reset` becomes MSW's network error; `delay` and `hang` wait as they do elsewhere, ended by
 * the request's signal. Throws a `TypeError` for a mistake in `options`.
 */
export function createHandlers(options: MockHandlersOptions = {}): MockHandlers {
  const base = parseBaseURL(options.baseURL ?? "https://api.cloudflare.com/client/v4");
  const core = buildMockCore(options, "createHandlers", ["baseURL"], base.path);
  const baseURL = `${base.origin}${base.path}`;
  const handler = http.all(`${baseURL}/*`, async ({ request }) => {
    try {
      return await core.fetch(request);
    } catch (error) {
      // A reset is MSW's network error; so is a request its caller aborted or close() ended, which
      // nobody is waiting for and which MSW would otherwise log as a handler's exception.
      if (
        error instanceof MockConnectionReset ||
        error instanceof MockClosedError ||
        request.signal.aborted
      ) {
        return HttpResponse.error();
      }
      throw error;
    }
  });
  return { handlers: [handler], baseURL, ...controlsOf(core) };
}
