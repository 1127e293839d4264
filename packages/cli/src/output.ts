import { styleText } from "node:util";
import { jsonText, visible } from "./encode.js";

/** What the command writes to: the process's stdout or stderr, or a test's stand-in. */
export interface Stream {
  write(text: string): unknown;
  /** Set on a terminal (`tty.WriteStream`). */
  isTTY?: boolean;
  /** Node's own check of the terminal and of `NO_COLOR`, `FORCE_COLOR` and `TERM`; on a terminal only. */
  hasColors?: (count?: number, env?: object) => boolean;
}

/**
 * Whether to colour what goes to `stream`: `FORCE_COLOR` wins (`0` or `false` turn colour off, any other
 * value on, even when piped), then `NO_COLOR` (any non-empty value) turns it off, else only a terminal
 * that has colours gets them. The convention of no-color.org and force-color.org, as Node's own
 * `styleText` applies it from Node 22.
 */
export function colorEnabled(stream: Stream, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force);
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && (stream.hasColors?.(16, env) ?? false);
}

/** The styles the command uses; each maps to `node:util` `styleText` formats. */
const styles = {
  heading: ["bold"],
  label: ["dim"],
  error: ["red", "bold"],
  warning: ["yellow"],
  good: ["green"],
  bad: ["red"],
  hint: ["cyan"],
} as const;

/** A style name. */
export type Style = keyof typeof styles;

/** Part of a line: text, or text with a style. */
export type Segment = string | { style: Style; text: string };

/** One line of output, without its line break: a segment or several. */
export type Line = Segment | Segment[];

/** A styled segment. */
export const styled = (style: Style, text: string): Segment => ({ style, text });

/** A line's text, encoded, without styles: what a line is when colour is off. */
export const plain = (line: Line): string =>
  [line]
    .flat()
    .map((segment) => visible(typeof segment === "string" ? segment : segment.text))
    .join("");

/**
 * A writer for one stream. Every line passes through `visible` before its styles are added, so no text
 * from outside, wherever it was put in a line, can reach the terminal as a control sequence; JSON passes
 * through `jsonText`. Nothing else writes to the process's streams.
 */
export class Output {
  readonly color: boolean;
  constructor(
    private readonly stream: Stream,
    env: Record<string, string | undefined>,
  ) {
    this.color = colorEnabled(stream, env);
  }

  /** Writes each line, encoded and styled, with a line break after it. */
  lines(lines: readonly Line[]): void {
    if (lines.length === 0) return;
    this.stream.write(lines.map((line) => `${this.render(line)}\n`).join(""));
  }

  /** Writes one line. */
  line(...segments: Segment[]): void {
    this.lines([segments]);
  }

  /** Writes `value` as JSON, every unsafe character as a `\uXXXX` escape, with a line break after it. */
  json(value: unknown): void {
    this.stream.write(`${jsonText(value)}\n`);
  }

  /** Writes text we wrote ourselves and that holds line breaks, such as help, one encoded line at a time. */
  text(text: string): void {
    this.lines(text.replace(/\n$/, "").split("\n"));
  }

  /** `text` with a style, when this stream has colour. */
  style(style: Style, text: string): string {
    return this.color ? styleText([...styles[style]], text, { validateStream: false }) : text;
  }

  private render(line: Line): string {
    return [line]
      .flat()
      .map((segment) =>
        typeof segment === "string" ? visible(segment) : this.style(segment.style, visible(segment.text)),
      )
      .join("");
  }
}
