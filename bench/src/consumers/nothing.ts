// The type-check baseline: a consumer file that imports nothing.
export const create = (baseURL: string, apiToken: string) => ({ baseURL, apiToken });
