import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** A bump a changeset gives a package. */
export type Bump = "major" | "minor" | "patch" | "none";

/** A changeset: the packages it releases and how. No releases at all is an explicit empty changeset. */
export interface Changeset {
  file: string;
  releases: Record<string, Bump>;
}

/** Reads a changeset's front matter; throws on one `changeset version` would refuse. */
export function parseChangeset(file: string, text: string): Changeset {
  const match = /^---\r?\n([\s\S]*?)^---\s*$/m.exec(text);
  if (match?.index !== 0) throw new Error(`${file}: a changeset starts with a --- front matter block`);
  const releases: Record<string, Bump> = {};
  for (const line of (match[1] ?? "").split(/\r?\n/)) {
    if (!line.trim()) continue;
    const release = /^\s*(["']?)(.+?)\1\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (!release) throw new Error(`${file}: cannot read "${line}"; expected "<package>": major|minor|patch`);
    releases[release[2] as string] = release[3] as Bump;
  }
  return { file, releases };
}

/** The changesets waiting in `.changeset/` (its README aside). */
export async function pendingChangesets(changesetDir: string): Promise<Changeset[]> {
  const files = (await readdir(changesetDir)).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
  return Promise.all(
    files.map(async (f) => parseChangeset(`.changeset/${f}`, await readFile(join(changesetDir, f), "utf8"))),
  );
}
