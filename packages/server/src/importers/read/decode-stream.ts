/**
 * Streams a text file as decoded string chunks. Each chunk ends on a line boundary (or, for a giant line, on a
 * character boundary), so every chunk decodes on its own and a failure can be pinned to its lines. Lines with
 * undecodable bytes are decoded leniently only to keep the CSV structure in step, and their positions are
 * reported so that the parser drops the records they belong to: no U+FFFD ever reaches a cell.
 */
import { open } from 'node:fs/promises';
import { endOfLastLine, lineRanges, safeCut } from './byte-lines.ts';
import type { TextEncodingName } from './table-source.ts';
import { decodeLenient, decodeStrict } from './text-codec.ts';

export interface TextChunk {
  readonly text: string;
  /** Offsets in `text` of the starts of lines that held undecodable bytes, ascending. */
  readonly bad: readonly number[];
}

export const DEFAULT_CHUNK_BYTES = 512 * 1024;

/** Decodes one chunk that ends on a character boundary, locating bad lines when strict decoding fails. */
export function decodeChunk(bytes: Uint8Array, enc: TextEncodingName): TextChunk {
  const whole = decodeStrict(bytes, enc);
  if (whole !== null) return { text: whole, bad: [] };
  const parts: string[] = [];
  const bad: number[] = [];
  let offset = 0;
  for (const [s, e] of lineRanges(bytes, enc)) {
    const line = bytes.subarray(s, e);
    let text = decodeStrict(line, enc);
    if (text === null) {
      bad.push(offset);
      text = decodeLenient(line, enc);
    }
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join(''), bad };
}

/**
 * Reads `path` from byte `start` (up to byte `end`, else to its end) and yields decoded chunks of about
 * `chunkBytes` bytes. An `end` must fall on a character boundary (csv-segment.ts puts it after a newline).
 */
export async function* decodeFile(
  path: string,
  enc: TextEncodingName,
  start: number,
  chunkBytes = DEFAULT_CHUNK_BYTES,
  end = Number.POSITIVE_INFINITY,
): AsyncGenerator<TextChunk> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(chunkBytes);
    let carry: Uint8Array = new Uint8Array(0);
    let position = start;
    for (;;) {
      const want = Math.min(chunkBytes, end - position);
      const { bytesRead } = want > 0 ? await fh.read(buf, 0, want, position) : { bytesRead: 0 };
      position += bytesRead;
      const eof = bytesRead === 0;
      const fresh = buf.subarray(0, bytesRead);
      const data = carry.length === 0 ? fresh : Buffer.concat([carry, fresh]);
      if (data.length === 0) return;
      let cut = data.length;
      if (!eof) {
        const end = endOfLastLine(data, enc);
        cut = end > 0 ? end : safeCut(data, enc);
        if (cut <= 0) {
          if (data.length < Math.max(4 * chunkBytes, 65536)) {
            carry = new Uint8Array(data);
            continue;
          }
          cut = data.length;
        }
      }
      carry = new Uint8Array(data.subarray(cut));
      const chunk = decodeChunk(data.subarray(0, cut), enc);
      if (chunk.text.length > 0) yield chunk;
      if (eof) return;
    }
  } finally {
    await fh.close();
  }
}
