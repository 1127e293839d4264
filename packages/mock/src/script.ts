import { checkKnownKeys } from "./known-keys.js";
import type { RecordedRequest } from "./record.js";
import { type OperationId, operationIds } from "./routes.js";

/**
 * One scripted answer. Every field is optional: `{}` is the normal documented answer, and
 * `{ status: 429 }` a 429 with the default error envelope.
 */
export interface ScriptedResponse {
  /** HTTP status, 200–599. Default 200. */
  status?: number | undefined;
  /** Response headers; they override the mock's own (`content-type`, `cf-ray`). */
  headers?: Record<string, string | readonly string[]> | undefined;
  /**
   * The body: a string or bytes are sent as they are (e.g. an HTML 502 page), anything else as JSON.
   * Left out, a 2xx gets the documented example and an error status the default error envelope.
   */
  body?: unknown;
  /** Milliseconds to wait before answering (or before `hang`/`reset`). */
  delay?: number | undefined;
  /** Never answer; the request stays open until the client gives up or the server closes. */
  hang?: boolean | undefined;
  /** Destroy the connection without answering, as a crashed upstream or a reset would. */
  reset?: boolean | undefined;
}

/** Computes the answer to one request; `undefined` answers it normally. */
export type ScriptFunction = (
  request: RecordedRequest,
) => ScriptedResponse | undefined | Promise<ScriptedResponse | undefined>;

/** A route's script: answers used in order, one per request, or a function called for each request. */
export type Script = readonly ScriptedResponse[] | ScriptFunction;

/** Scripts by operationId, as `startMockServer({ scripts })` takes them. */
export type Scripts = Partial<Record<OperationId, Script>>;

/** The scripts of one server: a queue or a function per operation. */
export class ScriptBook {
  readonly #queues = new Map<OperationId, ScriptedResponse[]>();
  readonly #functions = new Map<OperationId, ScriptFunction>();

  /** Replaces the script of an operation; an array is copied, so later changes to it do not count. */
  set(operationId: OperationId, script: Script): void {
    if (!operationIds.includes(operationId)) {
      throw new TypeError(
        `unknown operationId ${JSON.stringify(operationId)}; known: ${operationIds.join(", ")}`,
      );
    }
    this.clear(operationId);
    if (typeof script === "function") {
      this.#functions.set(operationId, script);
    } else if (Array.isArray(script)) {
      script.forEach((step, i) => {
        checkScriptedResponse(step, `${operationId}[${i}]`);
      });
      this.#queues.set(operationId, [...script]);
    } else {
      throw new TypeError(`the script for ${operationId} must be an array of responses or a function`);
    }
  }

  /** Removes the script of one operation, or of every operation. */
  clear(operationId?: OperationId): void {
    for (const map of [this.#queues, this.#functions]) {
      if (operationId === undefined) map.clear();
      else map.delete(operationId);
    }
  }

  /** The scripted answer to this request, or `undefined` when the script has none (answer normally). */
  async next(operationId: OperationId, request: RecordedRequest): Promise<ScriptedResponse | undefined> {
    const fn = this.#functions.get(operationId);
    if (fn) {
      const step = await fn(request);
      if (step !== undefined) checkScriptedResponse(step, `the script function for ${operationId}`);
      return step;
    }
    return this.#queues.get(operationId)?.shift();
  }
}

// The fields of ScriptedResponse, in its order.
const scriptedResponseFields = ["status", "headers", "body", "delay", "hang", "reset"] as const;

// Checked when scripted, so a typo fails in the test that wrote it rather than as an odd answer later.
function checkScriptedResponse(step: ScriptedResponse, where: string): void {
  if (typeof step !== "object" || step === null) {
    throw new TypeError(`${where}: a scripted response must be an object`);
  }
  checkKnownKeys(step, scriptedResponseFields, "field", where);
  const { status, delay } = step;
  if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
    throw new TypeError(`${where}: status must be an integer from 200 to 599 (got ${String(status)})`);
  }
  // Node's timers cannot wait longer than 2^31 - 1 ms; beyond it they would fire at once.
  if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0 && delay <= 2_147_483_647)) {
    throw new TypeError(`${where}: delay must be from 0 to 2147483647 milliseconds (got ${String(delay)})`);
  }
}
