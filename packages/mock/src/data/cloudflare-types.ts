import type { Json } from "../routes.js";

type JsonObject = { [key: string]: Json };

/**
 * A peer-report body in the shape Cloudflare's published SDK types (`cloudflare` 7.1.0,
 * `src/resources/realtime-kit/sessions.ts`) describe rather than the spec's: the peer under
 * `data.participant` instead of directly under `data`, and `role` where the spec has `preset_name`. Every
 * other field keeps its name and value. The participant-details body needs no change: there the SDK's types
 * have exactly the reference's fields.
 */
export function cloudflareTypesPeerReport(body: Json): Json {
  const { data, ...rest } = body as { data: JsonObject };
  const { preset_name, ...peer } = data;
  const participant: JsonObject = { ...peer };
  if (preset_name !== undefined) participant.role = preset_name;
  return { ...rest, data: { participant } };
}
