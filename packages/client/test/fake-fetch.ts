/**
 * An injected `fetch` for unit tests: answers from a script, one entry per attempt (the last one repeats),
 * and records each request it is given. No network, no module mocking.
 */
import { vi } from "vitest";
import { type ClientOptions, createRealtimeKitClient } from "../src/index.js";

export const TOKEN = "cf-test-token-0123456789abcdefSECRET";
export const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
export const APP = "my-app";
export const SESSION = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
export const PARTICIPANT = "1f3e5c2a-9b7d-4e1f-8a6c-2d4b6f8e0a1c";
export const PEER = "5d2c7a9e-3b1f-4c8d-9e6a-7f0b2d4c6e8a";
export const BASE = "https://api.cloudflare.com/client/v4";

/** One scripted answer: a status and body, a thrown error, or a function of the request. */
export type Step =
  | { status?: number; body?: unknown; headers?: Record<string, string> }
  | Error
  | ((request: Request) => Response | Promise<Response>);

/** A JSON body as the API sends it on success. */
export const ok = (data: unknown = { participant: { id: "p" } }): Step => ({ body: { success: true, data } });

export function fakeFetch(...script: Step[]) {
  const requests: Request[] = [];
  // The client calls `fetch(url, init)`; a `Request` made of them is what the tests read.
  const fetch = vi.fn(async (url: string, init: RequestInit): Promise<Response> => {
    const request = new Request(url, init);
    requests.push(request);
    const step = script[Math.min(requests.length - 1, script.length - 1)] ?? ok();
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(request);
    const body =
      step.body === undefined || typeof step.body === "string" ? step.body : JSON.stringify(step.body);
    return new Response(body ?? null, {
      status: step.status ?? 200,
      headers: {
        "content-type": typeof step.body === "string" ? "text/html" : "application/json",
        ...step.headers,
      },
    });
  });
  return { fetch, requests };
}

/** A `fetch` that never answers but honours its init's signal, as the real one does. */
export const hangingFetch = () =>
  vi.fn(
    (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const signal = init.signal as AbortSignal;
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      }),
  );

/** A client with the test token and ids, talking to `fetch`. */
export const client = (fetch: ClientOptions["fetch"], options: ClientOptions = {}) =>
  createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, fetch, ...options });

/** Calls `getSessionParticipantDetails` with valid ids. */
export const details = (
  rtk: ReturnType<typeof client>,
  options?: Parameters<typeof rtk.sessions.getSessionParticipantDetails>[2],
) => rtk.sessions.getSessionParticipantDetails(PARTICIPANT, { session_id: SESSION }, options);

/** The rejection of a promise, failing the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}
