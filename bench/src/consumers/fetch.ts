// A consumer calling both operations with a hand-written `fetch` and `res.json()`: the baseline. It has no
// types for the bodies, as a hand-written call has none unless someone writes them.

/** Both calls, with the global `fetch`. */
export const create = (baseURL: string, apiToken: string) => {
  const app = `${baseURL}/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/sessions`;
  const headers = { authorization: `Bearer ${apiToken}`, accept: "application/json" };
  const get = async (url: string): Promise<unknown> => {
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    return res.json();
  };
  return {
    details: () =>
      get(
        `${app}/${encodeURIComponent("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")}/participants/${encodeURIComponent("0b1f4e56-8d7a-4c3b-9e2f-1a6d5c4b3a29")}?include_peer_events=true`,
      ),
    peer: () =>
      get(
        `${app}/peer-report/${encodeURIComponent("5d2c7a9e-3b1f-4c8d-9e6a-7f0b2d4c6e8a")}?filters=quality_stats`,
      ),
  };
};
