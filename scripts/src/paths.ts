import { fileURLToPath } from "node:url";

/** Absolute paths of the pipeline's stages, so every script agrees on where things live. */
export const root = fileURLToPath(new URL("../../", import.meta.url));
export const specFile = `${root}spec/openapi.yaml`;
export const examplesDir = `${root}spec/examples`;
export const typesPackageDir = `${root}packages/types`;
export const typesPackageJson = `${typesPackageDir}/package.json`;
export const generatedTypesFile = `${typesPackageDir}/src/generated/openapi.ts`;
export const clientGeneratedDir = `${root}packages/client/src/generated`;
