/**
 * The ways of calling the two operations that the bench compares. Each is one consumer module in
 * `consumers/`, the same source bundled, type-checked and run, exporting `create(baseURL, token)` with a
 * `details()` and a `peer()` call.
 */
import { fileURLToPath } from "node:url";

export interface Contender {
  /** Key in results.json. */
  id: string;
  /** Column heading. */
  label: string;
  /** The consumer module. */
  consumer: string;
  /** What a fresh process imports for the cold start; none for bare fetch. */
  imports: string[];
  /** Packages installed for it, whose footprint is counted. */
  packages: string[];
  /** A variant of another contender's package: measured only where it differs (bundle, start, types). */
  variant?: boolean;
}

const consumer = (name: string): string => fileURLToPath(new URL(`consumers/${name}.ts`, import.meta.url));

export const contenders: Contender[] = [
  {
    id: "client",
    label: "@realtimekit-api/client",
    consumer: consumer("client"),
    imports: ["@realtimekit-api/client"],
    packages: ["@realtimekit-api/client"],
  },
  { id: "fetch", label: "bare fetch", consumer: consumer("fetch"), imports: [], packages: [] },
  {
    id: "openapi-fetch",
    label: "openapi-fetch",
    consumer: consumer("openapi-fetch"),
    imports: ["openapi-fetch"],
    packages: ["openapi-fetch", "@realtimekit-api/types"],
  },
  {
    id: "cloudflare",
    label: "cloudflare SDK",
    consumer: consumer("cloudflare"),
    imports: ["cloudflare"],
    packages: ["cloudflare"],
  },
  {
    id: "cloudflare-tree-shakable",
    label: "cloudflare SDK, tree-shakable entry",
    consumer: consumer("cloudflare-tree-shakable"),
    imports: ["cloudflare/tree-shakable", "cloudflare/resources/realtime-kit/sessions"],
    packages: ["cloudflare"],
    variant: true,
  },
];

/** The type-check baseline: a consumer file that imports nothing. */
export const nothing = consumer("nothing");

/** The bench package's folder, from which every contender resolves. */
export const benchDir = fileURLToPath(new URL("..", import.meta.url));

/** What every consumer module exports. */
export interface Calls {
  details(): Promise<unknown>;
  peer(): Promise<unknown>;
}

/** Loads a contender's consumer module and makes its two calls against `baseURL`. */
export const load = async (contender: Contender, baseURL: string): Promise<Calls> => {
  const module = (await import(contender.consumer)) as { create(baseURL: string, token: string): Calls };
  return module.create(baseURL, "bench-token");
};
