import { statusText } from "./status-text.js";

/** The error body RealtimeKit itself answers with (the spec's `RealtimeKitErrorEnvelope`). */
export interface RealtimeKitErrorBody {
  success: false;
  error: { code: number; message: string };
}

/** The error body Cloudflare's API gateway answers with (the spec's `CloudflareErrorEnvelope`). */
export interface GatewayErrorBody {
  success: false;
  errors: { code: number; message: string }[];
  messages: { code: number; message: string }[];
  result: null;
}

/** Builds a RealtimeKit error body, e.g. for a scripted 404 or 500. */
export function realtimeKitError(code: number, message: string): RealtimeKitErrorBody {
  return { success: false, error: { code, message } };
}

/** Builds a Cloudflare v4 gateway error body, e.g. for a scripted 429 or 403. */
export function gatewayError(code: number, message: string): GatewayErrorBody {
  return { success: false, errors: [{ code, message }], messages: [], result: null };
}

/** The gateway's answer to a missing or malformed token, as the spec documents it. */
export function authenticationError(): GatewayErrorBody {
  return gatewayError(10000, "Authentication error");
}

/**
 * The body an error status gets when nobody chose one: 401 is the gateway's (that is where tokens
 * are checked), every other status RealtimeKit's own envelope with the status text as message.
 */
export function defaultErrorBody(status: number): RealtimeKitErrorBody | GatewayErrorBody {
  if (status === 401) return authenticationError();
  return realtimeKitError(status, statusText(status));
}
