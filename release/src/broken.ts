// Scratch copies of the packages, broken on purpose, so each check is shown to fail. Never the real ones.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { publishedPackage } from "./paths.js";
import { copyPackage } from "./scratch.js";

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`${path}: the edit that breaks it no longer applies`);
  await writeFile(path, after);
}

/** A copy of the client's build in which `getParticipantDataFromPeerId` became `getPeerReport`. */
export async function clientWithRenamedMethod(into: string): Promise<string> {
  const copy = await copyPackage(publishedPackage("client").dir, join(into, "client-renamed"));
  for (const file of ["dist/index.d.ts", "dist/index.d.cts"]) {
    await edit(join(copy, file), (text) => text.replace("getParticipantDataFromPeerId(", "getPeerReport("));
  }
  return copy;
}

/** A copy of the client's build whose ESM entry imports a Node built-in, as a careless change might. */
export async function clientUsingNodeCrypto(into: string): Promise<string> {
  const copy = await copyPackage(publishedPackage("client").dir, join(into, "client-node"));
  await edit(
    join(copy, "dist/index.js"),
    (text) => `import { randomUUID } from "node:crypto";\nglobalThis.__requestId = randomUUID();\n${text}`,
  );
  return copy;
}

/** A copy of the client's build with `bytes` of incompressible data it keeps at run time. */
export async function clientWithPadding(into: string, bytes: number): Promise<string> {
  const copy = await copyPackage(publishedPackage("client").dir, join(into, "client-padded"));
  const padding = randomBytes(bytes).toString("base64");
  await edit(join(copy, "dist/index.js"), (text) => `globalThis.__padding = "${padding}";\n${text}`);
  return copy;
}

/** A copy of the client's build that reads `process` unguarded, which Workers and browsers do not have. */
export async function clientAssumingProcess(into: string): Promise<string> {
  const copy = await copyPackage(publishedPackage("client").dir, join(into, "client-process"));
  await edit(join(copy, "dist/index.js"), (text) => `globalThis.__env = process.env.NODE_ENV;\n${text}`);
  return copy;
}
