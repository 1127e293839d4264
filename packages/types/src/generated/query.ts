/**
 * Generated from spec/openapi.yaml (version 1.0.0, sha256 861716d1fec5e841) by `pnpm generate`.
 * Do not edit by hand: change the spec or scripts/src/generate.ts, then run the command again.
 */
/**
 * How each query parameter goes on the wire, by name: the spec's `style` and `explode`, with OpenAPI's
 * defaults filled in. `querySerializer` (src/query-serializer.ts) writes queries by this table.
 */
export const queryParameterStyles = {
  "filters": {
    "style": "form",
    "explode": false
  },
  "include_peer_events": {
    "style": "form",
    "explode": true
  }
} as const;
