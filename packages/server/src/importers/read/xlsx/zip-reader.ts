/**
 * A minimal zip reader for XLSX: the central directory is read from the end of the file (ZIP64 included),
 * entries are inflated as streams with fflate while counting every output byte against the caps, so a zip bomb
 * is stopped after at most one small input slice of overshoot. Declared uncompressed sizes are never trusted.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Inflate } from 'fflate';
import { ImportFileError } from '../../import-issue.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** Shared inflate accounting for one workbook: total inflated bytes and the per-entry ratio. */
export interface InflateBudget {
  readonly file: string;
  readonly maxInflatedBytes: number;
  readonly maxInflateRatio: number;
  /** Bytes inflated so far by entries read once (metadata, shared strings); sheets add their high-water mark. */
  spent: number;
}

/** Below this many inflated bytes an entry is never rejected for its ratio (tiny XML parts compress well). */
const RATIO_FLOOR = 1024 * 1024;
const READ_BYTES = 256 * 1024;
const PUSH_BYTES = 16 * 1024;

function bad(file: string, why: string): ImportFileError {
  return new ImportFileError('bad_xlsx', `${file} is not a readable XLSX workbook: ${why}`);
}

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** Normalises an entry name; null for names that escape the archive root ('..', absolute, drive letters). */
export function safeEntryName(raw: string): string | null {
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null;
  if (name.split('/').some((seg) => seg === '..')) return null;
  return name;
}

export class ZipArchive {
  readonly #fh: FileHandle;
  readonly #size: number;
  readonly file: string;
  readonly entries: ReadonlyMap<string, ZipEntry>;

  private constructor(fh: FileHandle, size: number, file: string, entries: Map<string, ZipEntry>) {
    this.#fh = fh;
    this.#size = size;
    this.file = file;
    this.entries = entries;
  }

  /** Opens a zip file and reads its central directory. Throws 'bad_xlsx' when it is corrupt. */
  static async open(path: string, file: string): Promise<ZipArchive> {
    const fh = await open(path, 'r');
    try {
      const size = (await fh.stat()).size;
      const tailLen = Math.min(size, 65557);
      const tail = await readAt(fh, size - tailLen, tailLen);
      let eocd = -1;
      for (let i = tail.length - 22; i >= 0; i--) {
        if (u32(tail, i) === 0x06054b50) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) throw bad(file, 'no zip central directory (truncated or corrupt file)');
      let count = u16(tail, eocd + 10);
      let cdSize = u32(tail, eocd + 12);
      let cdOffset = u32(tail, eocd + 16);
      if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(tail, eocd - 20) === 0x07064b50) {
        const rec = await readAt(fh, u64(tail, eocd - 12), 56);
        if (rec.length < 56 || u32(rec, 0) !== 0x06064b50) throw bad(file, 'broken ZIP64 directory');
        count = u64(rec, 32);
        cdSize = u64(rec, 40);
        cdOffset = u64(rec, 48);
      }
      if (cdOffset + cdSize > size || count > 100_000) throw bad(file, 'central directory out of range');
      const cd = await readAt(fh, cdOffset, cdSize);
      const entries = new Map<string, ZipEntry>();
      let p = 0;
      for (let k = 0; k < count; k++) {
        if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50) throw bad(file, 'corrupt central directory');
        const flags = u16(cd, p + 8);
        const method = u16(cd, p + 10);
        let compressedSize = u32(cd, p + 20);
        const uncompressed = u32(cd, p + 24);
        const nameLen = u16(cd, p + 28);
        const extraLen = u16(cd, p + 30);
        const commentLen = u16(cd, p + 32);
        let localOffset = u32(cd, p + 42);
        const raw = new TextDecoder('utf-8').decode(cd.subarray(p + 46, p + 46 + nameLen));
        let x = p + 46 + nameLen;
        const extraEnd = x + extraLen;
        while (x + 4 <= extraEnd) {
          const id = u16(cd, x);
          const len = u16(cd, x + 2);
          if (id === 1) {
            let q = x + 4;
            if (uncompressed === 0xffffffff) q += 8;
            if (compressedSize === 0xffffffff) {
              compressedSize = u64(cd, q);
              q += 8;
            }
            if (localOffset === 0xffffffff) localOffset = u64(cd, q);
          }
          x += 4 + len;
        }
        p = extraEnd + commentLen;
        if (flags & 1) throw bad(file, 'the workbook is encrypted');
        const name = safeEntryName(raw);
        if (name === null || entries.has(name)) continue;
        if (localOffset + compressedSize > size) throw bad(file, `entry ${name} lies outside the file`);
        entries.set(name, { name, method, compressedSize, localOffset });
      }
      return new ZipArchive(fh, size, file, entries);
    } catch (e) {
      await fh.close();
      if (e instanceof ImportFileError) throw e;
      throw bad(file, e instanceof Error ? e.message : String(e));
    }
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.#fh.close();
  }

  /**
   * Streams an entry's inflated bytes. `spentBefore` is what the workbook already used of the total budget;
   * the generator throws 'xlsx_too_large' as soon as this entry passes the total or the ratio cap.
   */
  async *stream(entry: ZipEntry, budget: InflateBudget, spentBefore: number): AsyncGenerator<Uint8Array> {
    const file = this.file;
    const head = await readAt(this.#fh, entry.localOffset, 30);
    if (head.length < 30 || u32(head, 0) !== 0x04034b50) throw bad(file, `entry ${entry.name} has no local header`);
    const start = entry.localOffset + 30 + u16(head, 26) + u16(head, 28);
    if (start + entry.compressedSize > this.#size) throw bad(file, `entry ${entry.name} is truncated`);
    if (entry.method !== 0 && entry.method !== 8) throw bad(file, `entry ${entry.name} uses compression method ${entry.method}`);
    let produced = 0;
    const tooLarge = (): ImportFileError =>
      new ImportFileError('xlsx_too_large', `${file}: ${entry.name} expands past the limit (${budget.maxInflatedBytes} bytes in all, ratio ${budget.maxInflateRatio}:1); refusing a possible zip bomb`);
    const check = (): void => {
      if (spentBefore + produced > budget.maxInflatedBytes) throw tooLarge();
      if (produced > RATIO_FLOOR && produced > budget.maxInflateRatio * Math.max(1, entry.compressedSize)) throw tooLarge();
    };
    const pending: Uint8Array[] = [];
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      produced += chunk.length;
      check();
      pending.push(chunk);
      if (final) ended = true;
    });
    for (let pos = 0; pos < entry.compressedSize; ) {
      const len = Math.min(READ_BYTES, entry.compressedSize - pos);
      const data = await readAt(this.#fh, start + pos, len);
      if (data.length < len) throw bad(file, `entry ${entry.name} is truncated`);
      pos += len;
      if (entry.method === 0) {
        produced += data.length;
        check();
        yield data;
        continue;
      }
      for (let i = 0; i < data.length; i += PUSH_BYTES) {
        try {
          inflater.push(data.subarray(i, i + PUSH_BYTES), pos === entry.compressedSize && i + PUSH_BYTES >= data.length);
        } catch (e) {
          if (e instanceof ImportFileError) throw e;
          throw bad(file, `entry ${entry.name} does not inflate (${e instanceof Error ? e.message : String(e)})`);
        }
        while (pending.length > 0) yield pending.shift()!;
      }
    }
    if (entry.method === 8 && entry.compressedSize === 0) throw bad(file, `entry ${entry.name} is empty`);
    if (entry.method === 8 && !ended) throw bad(file, `entry ${entry.name} ends early`);
  }

  /** Inflates a whole (small) entry, charging it to the budget. */
  async read(entry: ZipEntry, budget: InflateBudget): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of this.stream(entry, budget, budget.spent)) {
      parts.push(chunk);
      total += chunk.length;
    }
    budget.spent += total;
    return Buffer.concat(parts, total);
  }
}
