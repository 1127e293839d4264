/**
 * The lines of an `--ids-file`: a peer id per line for `peer-report`, `session_id,participant_id` per line
 * for `participant`. Blank lines and lines starting with `#` are skipped; any other line that is not what
 * the command takes is a bad line, reported with its number, and the batch goes on without it.
 */

/** A line the batch calls the API for. */
export interface BatchItem {
  /** 1-based line number in the file. */
  line: number;
  /** The id as the output names it: the peer id, or `session_id,participant_id`. */
  id: string;
  /** The path ids, in the order the command takes them. */
  ids: string[];
}

/** A line that is not what the command takes. */
export interface BadLine {
  line: number;
  /** The line as it was, trimmed. */
  text: string;
  /** What is wrong with it. */
  problem: string;
}

/** The commands that take an `--ids-file`, and what each line holds. */
export const idFields = {
  "peer-report": ["peer_id"],
  participant: ["session_id", "participant_id"],
} as const;

export type BatchCommand = keyof typeof idFields;

const uuid = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i;

/** Every line of `text` that holds something, in order, as an item or a bad line. */
export function parseIds(text: string, command: BatchCommand): (BatchItem | BadLine)[] {
  const fields = idFields[command];
  const entries: (BatchItem | BadLine)[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const ids = trimmed.split(",").map((part) => part.trim());
    if (ids.length !== fields.length) {
      entries.push({ line, text: trimmed, problem: `expected ${fields.join(",")}` });
      return;
    }
    const wrong = fields.find((_, i) => !uuid.test(ids[i] as string));
    if (wrong) {
      entries.push({ line, text: trimmed, problem: `${wrong} is not a UUID` });
      return;
    }
    entries.push({ line, id: ids.join(","), ids });
  });
  return entries;
}

/** Whether an entry is a bad line. */
export const isBad = (entry: BatchItem | BadLine): entry is BadLine => "problem" in entry;
