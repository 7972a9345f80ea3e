/**
 * GBK encoding for the writer's hot path.
 *
 * GBK is stateless, so the encoding of a concatenation is the concatenation of the encodings. The
 * writer therefore works on *byte strings*: JS strings whose char codes are GBK bytes (0–255), built
 * by concatenating ASCII text with cached encodings of the catalogue's and people's Chinese pieces.
 * `Buffer.from(byteString, 'latin1')` then turns a whole chunk into bytes natively.
 */
import iconv from 'iconv-lite';

const cache = new Map<string, string>();

/** The GBK bytes of `text`, as a byte string (see module doc). Cached; throws if not GBK-encodable. */
export function gbkBytes(text: string): string {
  let bytes = cache.get(text);
  if (bytes === undefined) {
    bytes = encodeGbk(text).toString('latin1');
    cache.set(text, bytes);
  }
  return bytes;
}

/** Encode `text` as GBK with iconv-lite; throws when a character has no GBK code. */
export function encodeGbk(text: string): Buffer {
  const buffer = iconv.encode(text, 'gbk');
  const check = iconv.decode(buffer, 'gbk');
  if (check !== text) throw new Error(`text is not GBK-encodable: ${JSON.stringify(text)}`);
  return buffer;
}

/** Decode a GBK (or GB18030) buffer. */
export function decodeGbk(buffer: Buffer): string {
  return iconv.decode(buffer, 'gb18030');
}
