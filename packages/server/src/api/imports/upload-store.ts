/**
 * Uploaded export files, streamed to a private temporary folder with a size cap (never held whole in memory),
 * kept under a random id until an import job takes them, and deleted when the job ends or after an hour.
 * The original file name is kept (sanitised) because format detection and the Taobao file pairing read it.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpError } from '../http-error.ts';

export interface StoredUpload {
  readonly id: string;
  readonly shopId: number;
  readonly name: string;
  readonly path: string;
  readonly bytes: number;
  readonly createdMs: number;
}

const MAX_NAME = 120;
const UPLOAD_TTL_MS = 60 * 60 * 1000;

/** A display-safe file name: the last path segment, no control or path characters, at most 120 characters. */
export function sanitiseFileName(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // not percent-encoded: use as sent
  }
  name = name.split(/[\\/]/).pop() ?? '';
  name = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' || '<>:"|?*'.includes(ch) ? '_' : ch)).join('').trim();
  if (name === '' || name === '.' || name === '..') name = 'upload.csv';
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name;
}

export class UploadStore {
  readonly #uploads = new Map<string, StoredUpload>();
  readonly #maxBytes: number;
  #root: string | null = null;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get maxBytes(): number {
    return this.#maxBytes;
  }

  /** Streams the body to disk; throws payload_too_large (and deletes the partial file) past the cap. */
  async save(shopId: number, rawName: string | undefined, body: ReadableStream<Uint8Array> | null, declaredBytes: number | null, nowMs: number): Promise<StoredUpload> {
    if (declaredBytes !== null && declaredBytes > this.#maxBytes) throw this.#tooLarge();
    if (body === null) throw new HttpError('validation_failed', 'the upload is empty', '上传的文件是空的');
    await this.#expire(nowMs);
    const id = randomBytes(12).toString('base64url');
    const dir = join(await this.#rootDir(), id);
    await mkdir(dir, { mode: 0o700 });
    const name = sanitiseFileName(rawName);
    const path = join(dir, name);
    const out = createWriteStream(path, { mode: 0o600 });
    let bytes = 0;
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > this.#maxBytes) {
          await reader.cancel();
          throw this.#tooLarge();
        }
        if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', resolve));
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    } catch (error) {
      out.destroy();
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    if (bytes === 0) {
      await rm(dir, { recursive: true, force: true });
      throw new HttpError('validation_failed', 'the upload is empty', '上传的文件是空的');
    }
    const upload: StoredUpload = { id, shopId, name, path, bytes, createdMs: nowMs };
    this.#uploads.set(id, upload);
    return upload;
  }

  /** Takes uploads out of the store for a job (each can be imported once). */
  take(shopId: number, ids: readonly string[]): StoredUpload[] {
    const found = ids.map((id) => this.#uploads.get(id));
    const missing = ids.filter((_, i) => found[i] === undefined || found[i]!.shopId !== shopId);
    if (missing.length > 0) throw new HttpError('not_found', `no upload ${missing.join(', ')} (uploads can be imported once, within an hour)`, `找不到上传的文件 ${missing.join('、')}（每个文件只能导入一次，且须在一小时内）`);
    for (const id of ids) this.#uploads.delete(id);
    return found as StoredUpload[];
  }

  async discard(uploads: readonly StoredUpload[]): Promise<void> {
    for (const u of uploads) await rm(join(u.path, '..'), { recursive: true, force: true });
  }

  async close(): Promise<void> {
    if (this.#root !== null) await rm(this.#root, { recursive: true, force: true });
    this.#uploads.clear();
  }

  async #rootDir(): Promise<string> {
    this.#root ??= await mkdtemp(join(tmpdir(), 'huitou-uploads-'));
    return this.#root;
  }

  async #expire(nowMs: number): Promise<void> {
    const old = [...this.#uploads.values()].filter((u) => nowMs - u.createdMs > UPLOAD_TTL_MS);
    for (const u of old) this.#uploads.delete(u.id);
    await this.discard(old);
  }

  #tooLarge(): HttpError {
    const mb = Math.round(this.#maxBytes / 1024 / 1024);
    return new HttpError('payload_too_large', `uploads are limited to ${mb} MB (HUITOU_MAX_UPLOAD_MB)`, `上传文件不能超过 ${mb} MB（HUITOU_MAX_UPLOAD_MB）`);
  }
}
