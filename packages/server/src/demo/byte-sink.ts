/**
 * A buffered file writer for byte strings (GBK files, see gbk.ts) or plain UTF-8 text, writing in
 * ~1 MiB chunks with back-pressure.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_BYTES = 1 << 20;
/** Rows are first joined into a short string (young-generation garbage only), then copied in. */
const BATCH_CHARS = 1 << 12;

/** Appends text and flushes it to a file in big chunks. */
export class ByteSink {
  readonly path: string;
  readonly #stream: WriteStream;
  readonly #encoding: 'latin1' | 'utf8';
  #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #used = 0;
  #batch = '';
  #bytes = 0;
  #mustDrain = false;
  #error: Error | null = null;

  /**
   * @param encoding `latin1` when the appended strings are byte strings (each char one byte), `utf8`
   *   for ordinary text.
   */
  constructor(path: string, encoding: 'latin1' | 'utf8') {
    this.path = path;
    this.#encoding = encoding;
    this.#stream = createWriteStream(path);
    this.#stream.on('error', (error) => {
      this.#error = error;
    });
  }

  /** Bytes handed to the file so far. */
  get bytesWritten(): number {
    return this.#bytes;
  }

  /**
   * Append text. Text is joined into ~4 K-char batches, copied into a 1 MiB chunk (so no long
   * string ropes survive into the old generation), and chunks go to the stream when full.
   */
  write(text: string): void {
    this.#batch += text;
    if (this.#batch.length >= BATCH_CHARS) this.#copyBatch();
  }

  #copyBatch(): void {
    const text = this.#batch;
    this.#batch = '';
    const worst = this.#encoding === 'latin1' ? text.length : text.length * 3;
    if (this.#used + worst > this.#buffer.length) {
      this.#flush();
      if (worst > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(worst);
    }
    this.#used += this.#buffer.write(text, this.#used, this.#encoding);
  }

  /** Wait for the stream to drain if it asked to; call between batches of writes. */
  async ready(): Promise<void> {
    if (this.#error) throw this.#error;
    if (this.#mustDrain) {
      this.#mustDrain = false;
      await once(this.#stream, 'drain');
    }
  }

  /** Flush what is left and close the file. */
  async close(): Promise<void> {
    this.#flush();
    await new Promise<void>((resolve, reject) => {
      this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.#error) throw this.#error;
  }

  #flush(): void {
    if (this.#batch.length > 0) this.#copyBatch();
    if (this.#used === 0) return;
    const chunk = this.#buffer.subarray(0, this.#used);
    this.#buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, this.#buffer.length));
    this.#used = 0;
    this.#bytes += chunk.length;
    if (!this.#stream.write(chunk)) this.#mustDrain = true;
  }
}
