/**
 * Entry point of the read layer: a file on disk becomes TableSources (one per CSV, one per XLSX sheet).
 * Whole-file problems throw ImportFileError; per-record problems become issues while rows are read.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportFileError } from '../import-issue.ts';
import { csvSource } from './csv-source.ts';
import { detectEncoding } from './detect-encoding.ts';
import { resolveLimits } from './limits.ts';
import type { ReadLimits, TableSource } from './table-source.ts';
import { openXlsx } from './xlsx/xlsx-source.ts';

/** Bytes read up front to detect the format and encoding. */
export const PREFIX_BYTES = 1024 * 1024;

async function readPrefix(path: string, size: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, PREFIX_BYTES));
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

/**
 * Opens `path` as tables: XLSX when it starts with the zip signature `PK\x03\x04`, otherwise delimited text
 * (UTF-8 with or without BOM, GB18030/GBK, UTF-16 with BOM). Throws ImportFileError 'file_too_large' (checked
 * before reading), 'empty_file', 'binary_garbage', 'bad_xlsx' or 'xlsx_too_large'.
 */
export async function openTables(path: string, limits?: Partial<ReadLimits>): Promise<TableSource[]> {
  const lim = resolveLimits(limits);
  const file = basename(path);
  const info = await stat(path);
  if (!info.isFile()) throw new ImportFileError('unknown_format', `${file} is not a regular file`);
  if (info.size > lim.maxFileBytes) {
    throw new ImportFileError('file_too_large', `${file} is ${info.size} bytes, over the limit of ${lim.maxFileBytes}`);
  }
  if (info.size === 0) throw new ImportFileError('empty_file', `${file} is empty`);
  const prefix = await readPrefix(path, info.size);
  if (prefix[0] === 0x50 && prefix[1] === 0x4b && prefix[2] === 0x03 && prefix[3] === 0x04) {
    return openXlsx(path, file, lim);
  }
  const detected = detectEncoding(file, prefix, info.size <= prefix.length);
  return [csvSource({ path, file, encoding: detected.encoding, bomLength: detected.bomLength, limits: lim })];
}
