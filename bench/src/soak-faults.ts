/**
 * The mix of answers the soak's mock server gives: mostly the documented ones, the rest every fault the
 * client must survive. Each entry is a weight and a scripted answer (see @realtimekit-api/mock's README);
 * `undefined` is the normal, documented answer.
 */
import { gatewayError, realtimeKitError, type ScriptedResponse } from "@realtimekit-api/mock";

const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

const cloudflare502 =
  "<!DOCTYPE html><html><head><title>api.cloudflare.com | 502: Bad gateway</title></head>" +
  "<body><h1>Bad gateway</h1><p>The web server reported a bad gateway error.</p>" +
  "<span>Cloudflare Ray ID: <strong>8f3c2b1a0d9e7f6c</strong></span></body></html>";

export interface Fault {
  name: string;
  weight: number;
  answer: () => ScriptedResponse | undefined;
}

/** What the mock answers, by weight; the names appear in the soak's summary. */
export const faults: readonly Fault[] = [
  { name: "200", weight: 60, answer: () => undefined },
  { name: "200 after a delay", weight: 8, answer: () => ({ delay: random(20, 400) }) },
  {
    name: "429 retry-after-ms",
    weight: 5,
    answer: () => ({
      status: 429,
      headers: { "retry-after-ms": String(random(0, 200)) },
      body: gatewayError(10_429, "Rate limited"),
    }),
  },
  {
    name: "429 retry-after: 1",
    weight: 1,
    answer: () => ({
      status: 429,
      headers: { "retry-after": "1" },
      body: gatewayError(10_429, "Rate limited"),
    }),
  },
  { name: "500", weight: 5, answer: () => ({ status: 500, body: realtimeKitError(500, "Internal error") }) },
  {
    name: "502 HTML",
    weight: 5,
    answer: () => ({
      status: 502,
      headers: { "content-type": "text/html; charset=UTF-8" },
      body: cloudflare502,
    }),
  },
  { name: "503 retry-after: 0", weight: 4, answer: () => ({ status: 503, headers: { "retry-after": "0" } }) },
  { name: "504", weight: 2, answer: () => ({ status: 504, body: gatewayError(10_504, "Gateway timeout") }) },
  { name: "hang", weight: 3, answer: () => ({ hang: true }) },
  { name: "reset", weight: 4, answer: () => ({ reset: true }) },
  { name: "reset after a delay", weight: 1, answer: () => ({ delay: random(10, 200), reset: true }) },
  { name: "404", weight: 1, answer: () => ({ status: 404 }) },
  {
    name: "200 success: false",
    weight: 1,
    answer: () => ({ status: 200, body: realtimeKitError(7001, "Session expired") }),
  },
];

const total = faults.reduce((sum, fault) => sum + fault.weight, 0);

/** Picks an answer by weight and counts it under its name in `served`. */
export function pickAnswer(served: Map<string, number>): ScriptedResponse | undefined {
  let roll = Math.random() * total;
  let fault = faults[0];
  for (const candidate of faults) {
    fault = candidate;
    roll -= candidate.weight;
    if (roll < 0) break;
  }
  if (!fault) return undefined;
  served.set(fault.name, (served.get(fault.name) ?? 0) + 1);
  return fault.answer();
}
