import { fileURLToPath } from "node:url";

/** Where each stage of the pipeline lives below a repository root. */
export interface Layout {
  root: string;
  specFile: string;
  generatedTypesFile: string;
  typesPackageJson: string;
  clientGeneratedDir: string;
  mockGeneratedDir: string;
}

/** The layout below `root` (with a trailing slash); tests point it at a scratch copy. */
export function layoutAt(root: string): Layout {
  return {
    root,
    specFile: `${root}spec/openapi.yaml`,
    generatedTypesFile: `${root}packages/types/src/generated/openapi.ts`,
    typesPackageJson: `${root}packages/types/package.json`,
    clientGeneratedDir: `${root}packages/client/src/generated`,
    mockGeneratedDir: `${root}packages/mock/src/generated`,
  };
}

/** This repository's layout. */
export const repo = layoutAt(fileURLToPath(new URL("../../", import.meta.url)));
