/**
 * JSON text in pieces: the same characters as `JSON.stringify(value, null, 2)`, produced element by
 * element, so a report with a million findings is written to a file piece by piece instead of being
 * built as one string (V8 refuses strings past about 512 MiB: "Invalid string length").
 */

/** Arrays and objects at this depth or above are split into pieces; deeper values are stringified whole. */
const SPLIT_DEPTH = 2;

function plain(value: unknown): unknown {
  // JSON.stringify calls toJSON (dates) before deciding what a value is.
  const v = value as { toJSON?: (key: string) => unknown } | null;
  return v !== null && typeof v === "object" && typeof v.toJSON === "function" ? v.toJSON("") : value;
}

function whole(value: unknown, pad: string): string {
  const text = JSON.stringify(value, null, 2);
  // A JSON string never holds a raw line break, so every "\n" is layout and takes the indent.
  return pad === "" ? text : text.replace(/\n/g, `\n${pad}`);
}

function* pieces(value: unknown, pad: string, depth: number): Generator<string, void> {
  const v = plain(value);
  if (depth >= SPLIT_DEPTH || v === null || typeof v !== "object") {
    yield whole(v, pad);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    for (let i = 0; i < v.length; i++) {
      const item = plain(v[i]);
      yield inner;
      // Inside an array, what JSON.stringify leaves out of an object becomes null.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* pieces(item, inner, depth + 1);
      yield i < v.length - 1 ? ",\n" : "\n";
    }
    yield `${pad}]`;
    return;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => {
    const p = plain(x);
    return p !== undefined && typeof p !== "function" && typeof p !== "symbol";
  });
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (let i = 0; i < entries.length; i++) {
    const [key, item] = entries[i] as [string, unknown];
    yield `${inner}${JSON.stringify(key)}: `;
    yield* pieces(item, inner, depth + 1);
    yield i < entries.length - 1 ? ",\n" : "\n";
  }
  yield `${pad}}`;
}

/**
 * `JSON.stringify(value, null, 2) + "\n"` as a sequence of pieces of about `chunkChars` characters
 * (a few pieces may be longer: one finding is never split).
 */
export function* jsonChunks(value: unknown, chunkChars = 1 << 20): Generator<string, void> {
  let buffer: string[] = [];
  let size = 0;
  for (const piece of pieces(value, "", 0)) {
    buffer.push(piece);
    size += piece.length;
    if (size >= chunkChars) {
      yield buffer.join("");
      buffer = [];
      size = 0;
    }
  }
  buffer.push("\n");
  yield buffer.join("");
}
