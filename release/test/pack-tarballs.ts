import type { TestProject } from "vitest/node";
import { publishedPackages } from "../src/paths.js";
import { scratch } from "../src/scratch.js";
import { packAll } from "../src/tarball.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** npm name → .tgz made by `pnpm pack` from the current build. */
    tarballs: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await scratch("tarballs");
  project.provide("tarballs", await packAll(publishedPackages(), dir.dir));
  return dir.dispose;
}
