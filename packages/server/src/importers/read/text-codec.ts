/** Whole-chunk decoding, strict or lenient, for the encodings we accept. */
import { decodeGb18030Fast } from './gb18030-fast.ts';
import type { TextEncodingName } from './table-source.ts';

type Decoder = InstanceType<typeof TextDecoder>;
type IcuLabel = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

function icuLabel(enc: TextEncodingName): IcuLabel {
  return enc === 'utf-8-bom' ? 'utf-8' : enc;
}

const strictDecoders = new Map<IcuLabel, Decoder>();
const lenientDecoders = new Map<IcuLabel, Decoder>();

function decoder(cache: Map<IcuLabel, Decoder>, label: IcuLabel, fatal: boolean): Decoder {
  let d = cache.get(label);
  if (d === undefined) {
    // ignoreBOM: the byte-order mark is stripped once by the caller, never again at a chunk start.
    d = new TextDecoder(label, { fatal, ignoreBOM: true });
    cache.set(label, d);
  }
  return d;
}

/** Decodes a chunk that ends on a character boundary; null when any byte sequence is invalid. */
export function decodeStrict(bytes: Uint8Array, enc: TextEncodingName): string | null {
  const label = icuLabel(enc);
  if (label === 'gb18030') {
    const fast = decodeGb18030Fast(bytes);
    if (fast !== null) return fast;
  }
  try {
    return decoder(strictDecoders, label, true).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes with U+FFFD for bad bytes. Only used for lines already known to be bad, whose records are dropped:
 * it keeps their quotes and delimiters so the parser stays in step.
 */
export function decodeLenient(bytes: Uint8Array, enc: TextEncodingName): string {
  return decoder(lenientDecoders, icuLabel(enc), false).decode(bytes);
}
