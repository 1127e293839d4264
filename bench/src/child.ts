/**
 * Runs a part of the bench in a fresh Node process, so that what one contender loads, allocates or leaves
 * for the garbage collector never lands on another's measurement.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs the module at `url`, which calls `serveChild`, with `input`; resolves with what it answers. */
export const inChild = <I, O>(url: string, input: I, nodeFlags: string[] = []): Promise<O> =>
  new Promise((resolve, reject) => {
    // process.execArgv carries tsx's loader, so the child runs TypeScript too.
    const child = fork(fileURLToPath(url), ["--child"], {
      execArgv: [...process.execArgv, ...nodeFlags],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let answer: { value: O } | undefined;
    child.once("message", (message) => {
      answer = message as { value: O };
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      answer ? resolve(answer.value) : reject(new Error(`${fileURLToPath(url)} exited with ${code}`)),
    );
    child.send(input as object);
  });

/**
 * In a process that `inChild` started on the module at `url`, answers its input with `work(input)`, then
 * exits. Elsewhere (the parent, or a child started on another module that imports this one) it does nothing.
 */
export const serveChild = <I, O>(url: string, work: (input: I) => Promise<O>): void => {
  if (!process.argv.includes("--child") || process.argv[1] !== fileURLToPath(url)) return;
  process.once("message", (input) => {
    work(input as I).then(
      (value) => process.send?.({ value }, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
};
