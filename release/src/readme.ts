/**
 * What a package README lacks for someone finding it on npm: how to install, an example to run, the
 * options, the errors, the licence; and links that work there (npm shows the README without the
 * repository around it, so a relative link leads nowhere).
 */
export function readmeProblems(readme: string): string[] {
  const problems: string[] = [];
  const headings = [...readme.matchAll(/^#{2,3} +(.+)$/gm)].map((m) => m[1] ?? "");
  const blocks = codeBlocks(readme);
  if (!blocks.some((b) => b.lang === "sh" && /\bnpm install\b/.test(b.code))) {
    problems.push("no install command (an `npm install` in a ```sh block)");
  }
  if (!blocks.some((b) => /^(ts|js|sh)$/.test(b.lang) && !/^\s*npm install[^\n]*\s*$/.test(b.code))) {
    problems.push("no example (a ```ts, ```js or ```sh block besides the install)");
  }
  if (!headings.some((h) => /options|commands/i.test(h)))
    problems.push('no "Options" (or "Commands") section');
  if (!headings.some((h) => /errors|exit codes/i.test(h)))
    problems.push('no "Errors" (or "exit codes") section');
  if (!headings.some((h) => /^licen[cs]e$/i.test(h))) problems.push('no "License" section');
  for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (target && !/^(https?:|mailto:|#)/.test(target)) {
      problems.push(`the link ${target} is relative, and leads nowhere on npm: link the full URL`);
    }
  }
  return problems;
}

/** The fenced code blocks of a README, with their language tags. */
export function codeBlocks(readme: string): { lang: string; code: string }[] {
  return [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? "",
    code: m[2] ?? "",
  }));
}
