/** An environment variable, or undefined where there is no `process` (browsers, Workers) or no access to it (Deno). */
export const env = (name: string): string | undefined => {
  try {
    return (
      (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] ||
      undefined
    );
  } catch {
    return undefined;
  }
};
