import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { releaseDir } from "./paths.js";
import { run } from "./run.js";

/** publint's findings on a tarball, every level (suggestions included), as sentences. */
export async function publintProblems(tgz: string): Promise<string[]> {
  const bytes = await readFile(tgz);
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball }, level: "suggestion", strict: true });
  return messages.map(
    (message) => `publint ${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false })}`,
  );
}

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
  typesFileName?: string;
  implementationFileName?: string;
}

/**
 * Are the Types Wrong's findings on a tarball, under every resolution it knows (node10, node16 from CJS
 * and ESM, bundler). A package without types (the CLI) has nothing to check unless it exports a module.
 */
export async function attwProblems(tgz: string, options: { expectTypes: boolean }): Promise<string[]> {
  const attw = join(releaseDir, "node_modules", ".bin", "attw");
  // --no-definitely-typed: never look @types up on the registry; the tarball must carry its own types.
  const result = await run(attw, ["--no-definitely-typed", "--format", "json", tgz], {
    cwd: releaseDir,
    timeout: 60_000,
  });
  let report: { analysis?: { types?: unknown }; problems?: unknown };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return [`attw failed (exit ${result.code}): ${result.stderr || result.stdout}`];
  }
  const problems = Object.values(report.problems ?? {}).flat() as AttwProblem[];
  const found = problems.map((p) =>
    [
      `attw ${p.kind}`,
      p.entrypoint && `at ${p.entrypoint}`,
      p.resolutionKind && `(${p.resolutionKind})`,
      p.typesFileName && `types ${p.typesFileName}`,
      p.implementationFileName && `for ${p.implementationFileName}`,
    ]
      .filter(Boolean)
      .join(" "),
  );
  if (options.expectTypes && report.analysis?.types === false) found.push("attw: the package has no types");
  if (found.length === 0 && result.code !== 0)
    found.push(`attw exited with ${result.code}: ${result.stderr}`);
  return found;
}
