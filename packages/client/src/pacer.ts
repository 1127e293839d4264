import { APIUserAbortError, RateLimitError } from "./errors.js";
import { type RateLimit, readRateLimit } from "./rate-limit.js";

/** A request started by `Pacer.acquire`, waiting for its quota, to be resolved with its number. */
interface Held {
  start(seq: number): void;
}

/**
 * Paces one client's requests by the quota its responses state, and bounds how many are in flight.
 *
 * - Until the first answer arrives (or for 1 s at most), only the first attempt is sent: nothing is known of
 *   the quota yet, and a first burst larger than it would all be refused.
 * - Each attempt first takes one of `maxConcurrency` slots (waiting for one as long as it takes), then
 *   waits for the quota: while none is left, until the window resets; while a tenth of the limit or less is
 *   left, spread evenly over the rest of the window. The quota wait counts toward the attempt's timeout.
 * - The quota is the latest the server stated (see `readRateLimit`), less the requests sent since; a reset
 *   time only ever moves earlier within a window, since each response bounds it from above.
 * - A 429 holds every request, not only the one retried, for the wait it asked for.
 */
export class Pacer {
  #max: number;
  #pace: boolean;
  #log: ((message: string) => void) | undefined;
  /** Attempts holding a slot: waiting for the quota, or sent. */
  #busy = 0;
  #slots: (() => void)[] = [];
  #held: Held[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Attempts started so far; each attempt's number is its place in that count. */
  #seq = 0;
  /** Attempts sent and not yet settled. */
  #out = 0;
  /** The first attempt of the current window: answers to earlier ones describe an older window. */
  #first = 1;
  #state: RateLimit | undefined;
  /** Largest `remaining` seen plus one: the limit, as far as the answers show, when none states it. */
  #peak = 0;
  /** While the quota is low, when the next attempt may start. */
  #next = 0;
  /** Attempts waiting for the first answer, while the first attempt is out; undefined before and after. */
  #probers: (() => void)[] | undefined;
  #probed = false;
  #probeTimer: ReturnType<typeof setTimeout> | undefined;
  #logged = "";

  constructor(maxConcurrency: number, pace: boolean, log?: (message: string) => void) {
    this.#max = maxConcurrency;
    this.#pace = pace;
    this.#log = log;
  }

  /** The quota as the client knows it: a copy, undefined before a response has stated one. */
  get rateLimit(): RateLimit | undefined {
    const s = this.#state;
    return s && { limit: s.limit, remaining: Math.max(0, s.remaining), resetAt: s.resetAt };
  }

  /**
   * Resolves with the attempt's number once it may be sent; `settle` must follow. Rejects with
   * `APIUserAbortError` when `signal` aborts meanwhile, and with `RateLimitError` (nothing sent) when the
   * quota cannot let it start within `timeout` milliseconds.
   */
  async acquire(timeout: number, signal?: AbortSignal | null): Promise<number> {
    if (signal?.aborted) throw new APIUserAbortError();
    if (this.#probers) await this.#wait(this.#probers, signal, (resolve) => resolve);
    if (this.#busy < this.#max) this.#busy++;
    else await this.#wait(this.#slots, signal, (resolve) => resolve);
    try {
      return await this.#quota(timeout, signal);
    } catch (error) {
      this.#release();
      throw error;
    }
  }

  /**
   * Ends attempt `seq`: frees its slot and reads the quota its response states. `retryAfter`, in
   * milliseconds, is the wait a 429 asked for; until then no request is sent.
   */
  settle(seq: number, headers?: Headers, retryAfter?: number): void {
    this.#release();
    this.#out--;
    if (!this.#pace) return;
    this.#endProbe();
    const now = Date.now();
    let read = headers && readRateLimit(headers, now);
    if (read) this.#peak = Math.max(this.#peak, read.remaining + 1);
    const s = this.#state;
    if (retryAfter !== undefined) {
      read = {
        limit: read?.limit,
        remaining: 0,
        resetAt: Math.max(read?.resetAt ?? 0, s?.resetAt ?? 0, now + retryAfter),
      };
    } else if (!read || seq < this.#first) {
      if (this.#held.length) this.#pump();
      return;
    }
    // What the server counted when it answered, less what was sent after this attempt.
    const remaining = read.remaining - (this.#seq - seq);
    const same =
      s?.resetAt !== undefined && retryAfter === undefined && remaining <= s.remaining + this.#busy;
    this.#state = {
      limit: read.limit ?? s?.limit,
      remaining: same ? Math.min(s.remaining, remaining) : remaining,
      resetAt: same ? Math.min(s.resetAt as number, read.resetAt ?? Number.POSITIVE_INFINITY) : read.resetAt,
    };
    if (this.#held.length) this.#pump();
  }

  /** Lets the attempts that waited for the first answer go, in the order they came. */
  #endProbe(): void {
    clearTimeout(this.#probeTimer);
    const waiting = this.#probers ?? [];
    this.#probers = undefined;
    // Each `go` takes itself out of the list, so go through a copy.
    for (const go of [...waiting]) go();
  }

  #release(): void {
    const next = this.#slots.shift();
    if (next) next();
    else this.#busy--;
  }

  #quota(timeout: number, signal?: AbortSignal | null): number | Promise<number> {
    const now = Date.now();
    const wait = this.#delay(now);
    if (!this.#held.length && wait <= 0) return this.#start(now);
    if (wait > timeout && wait < Number.POSITIVE_INFINITY) throw this.#refusal(timeout, wait);
    return this.#wait(
      this.#held,
      signal,
      (resolve) => ({ start: resolve }),
      () => this.#refusal(timeout, this.#delay(Date.now())),
      timeout,
      () => this.#pump(),
    );
  }

  /**
   * Queues a waiter in `queue` until it is called, or `signal` aborts, or `timeout` ms pass (then it
   * rejects with `expired()`). Leaves no listener or timer behind.
   */
  #wait<T, W>(
    queue: W[],
    signal: AbortSignal | null | undefined,
    waiter: (resolve: (value: T) => void) => W,
    expired?: () => Error,
    timeout?: number,
    queued?: () => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const end = (error?: Error) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
        const at = queue.indexOf(entry);
        if (at >= 0) queue.splice(at, 1);
        if (!queue.length && queue === (this.#held as unknown[])) clearTimeout(this.#timer);
        if (error) reject(error);
      };
      const abort = () => end(new APIUserAbortError());
      const entry = waiter((value) => {
        end();
        resolve(value);
      });
      const timer = expired && setTimeout(() => end(expired()), timeout);
      signal?.addEventListener("abort", abort);
      queue.push(entry);
      queued?.();
    });
  }

  /** Starts every held attempt the quota allows now, and sets a timer for the rest. */
  #pump(): void {
    clearTimeout(this.#timer);
    for (let held = this.#held[0]; held; held = this.#held[0]) {
      const now = Date.now();
      const wait = this.#delay(now);
      if (wait > 0) {
        // An infinite wait ends with an answer, and `settle` pumps again.
        if (wait < Number.POSITIVE_INFINITY) {
          this.#timer = setTimeout(() => this.#pump(), wait);
          this.#note(wait);
        }
        return;
      }
      held.start(this.#start(now));
    }
  }

  /**
   * Milliseconds before the quota lets the next attempt start; infinite until an answer in flight arrives,
   * when none is left and the reset is unknown (a new window whose first answer is on its way).
   */
  #delay(now: number): number {
    const s = this.#state;
    if (s?.resetAt === undefined) return s && s.remaining <= 0 && this.#out ? Number.POSITIVE_INFINITY : 0;
    if (now >= s.resetAt) {
      // A new window: the whole limit again, until an answer to an attempt sent from now on says otherwise;
      // nothing known at all when no answer ever stated a quota (the wait was a 429's alone).
      const limit = s.limit ?? this.#peak;
      this.#state = limit ? { limit: s.limit, remaining: limit, resetAt: undefined } : undefined;
      this.#first = this.#seq + 1;
      return 0;
    }
    if (s.remaining <= 0) return s.resetAt - now;
    return s.remaining <= (s.limit ?? this.#peak) / 10 ? this.#next - now : 0;
  }

  #start(now: number): number {
    if (this.#pace && !this.#probed) {
      this.#probed = true;
      this.#probers = [];
      this.#probeTimer = setTimeout(() => this.#endProbe(), 1_000);
    }
    const s = this.#state;
    if (s) {
      // Low: this attempt and the others left share the time to the reset evenly.
      if (s.resetAt !== undefined && s.remaining <= (s.limit ?? this.#peak) / 10) {
        this.#next = now + (s.resetAt - now) / Math.max(1, s.remaining);
      }
      s.remaining--;
    }
    this.#out++;
    return ++this.#seq;
  }

  /** Logs each kind of wait once per window: spreading what is left, and holding until the reset. */
  #note(wait: number): void {
    const s = this.#state;
    if (!s) return;
    const spread = s.remaining > 0;
    const key = `${s.resetAt} ${spread}`;
    if (!this.#log || this.#logged === key) return;
    this.#logged = key;
    const left = `${Math.max(0, s.remaining)}${s.limit === undefined ? "" : ` of ${s.limit}`} requests left`;
    const reset = Math.round((s.resetAt as number) - Date.now());
    this.#log(
      spread
        ? `realtimekit rate limit: ${left}; spreading them over the ${reset} ms to the reset`
        : `realtimekit rate limit: ${left}; holding requests for ${Math.round(wait)} ms, until the reset`,
    );
  }

  /** The error of an attempt the quota cannot let start within its timeout. */
  #refusal(timeout: number, wait: number): RateLimitError {
    const error = new RateLimitError(429, new Headers(), undefined);
    const resetAt = this.#state?.resetAt;
    error.message = `Rate limited: the request was not sent, since the quota ${
      resetAt === undefined ? "had no room" : `is spent until ${new Date(resetAt).toISOString()}`
    } and it could not start within its timeout of ${timeout} ms.`;
    return Object.assign(error, { retryAfter: Math.max(0, Math.ceil(wait)) });
  }
}
