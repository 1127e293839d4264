/**
 * The batch's output: NDJSON, one line per input line, `{ "id", "ok": true, "body" }` or `{ "id", "ok":
 * false, "error": { name, message, … } }`. `--resume` reads an earlier output to skip the ids it answered.
 */
import { existsSync, readFileSync } from "node:fs";
import { jsonText } from "../encode.js";

/** What an error becomes in a result line: its name, message and the API's details, as plain data. */
export interface ErrorJson {
  name: string;
  message: string;
  status?: number;
  requestId?: string;
  errors?: unknown[];
  retryAfter?: number;
  line?: number;
}

/** One line of output. */
export type Result = { id: string; ok: true; body: unknown } | { id: string; ok: false; error: ErrorJson };

/** The fields of an error a reader of the output can use; never its headers or anything holding a token. */
export function errorJson(error: unknown): ErrorJson {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const { status, requestId, errors, retryAfter } = error as Partial<ErrorJson>;
  return {
    name: error.name,
    message: error.message,
    ...(typeof status === "number" && { status }),
    ...(typeof requestId === "string" && { requestId }),
    ...(Array.isArray(errors) && errors.length > 0 && { errors }),
    ...(typeof retryAfter === "number" && { retryAfter }),
  };
}

/**
 * A result as its NDJSON line, newline included: `jsonText` escapes every character a terminal would act on,
 * so API data cannot reach one as a control sequence, whether stdout is a terminal or not.
 */
export const resultLine = (result: Result): string => `${jsonText(result, 0)}\n`;

/**
 * The ids an earlier output answered with `ok: true`. Lines that are not results (a cut-off last line
 * after a crash, say) are passed over: those ids are asked again.
 */
export function answeredIds(file: string): Set<string> {
  const answered = new Set<string>();
  if (!existsSync(file)) return answered;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    try {
      const result = JSON.parse(line) as Partial<Result>;
      if (result?.ok === true && typeof result.id === "string") answered.add(result.id);
    } catch {}
  }
  return answered;
}
