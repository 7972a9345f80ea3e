/** Line count of a delimited text file, streamed: the expected row total behind an import's progress bar. */
import { createReadStream } from 'node:fs';

const TEXT_FILE = /\.(csv|txt|tsv)$/i;

/** Lines after the header, or null for files whose rows cannot be counted by newlines (XLSX, unknown). */
export async function expectedDataRows(path: string): Promise<number | null> {
  if (!TEXT_FILE.test(path)) return null;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    let at = bytes.indexOf(10);
    while (at !== -1) {
      lines++;
      at = bytes.indexOf(10, at + 1);
    }
    if (bytes.length > 0) last = bytes[bytes.length - 1]!;
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - 1);
}
