/**
 * SMS replies that mean "stop": T, TD, R, N (拒收请回复R), 退订, 拒收, 不要再发 — compared after trimming,
 * unifying full-width letters and dropping punctuation, case-insensitively. A reply that only contains one
 * of them ("T。", "ｔｄ", "退订!") counts; a sentence that merely mentions one does not.
 */
const STOP_WORDS = new Set(['t', 'td', 'r', 'n', 'unsubscribe', 'stop', '退订', '退', '拒收', '取消', '不要再发']);

export function isOptOutReply(text: string): boolean {
  const folded = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return STOP_WORDS.has(folded);
}

/** One inbound SMS, whatever provider format it came in. */
export interface InboundSms {
  readonly phone: string;
  readonly text: string;
  readonly signName: string | null;
}

/** Aliyun SmsUp (MNS/HTTP push): an array of { phone_number, content, send_time, sign_name, … }. */
export function parseAliyunSmsUp(body: unknown): InboundSms[] {
  const list = Array.isArray(body) ? body : [body];
  return list.flatMap((m: unknown) => {
    if (typeof m !== 'object' || m === null) return [];
    const r = m as Record<string, unknown>;
    return typeof r['phone_number'] === 'string' && typeof r['content'] === 'string'
      ? [{ phone: normalisePhone(r['phone_number']), text: r['content'], signName: typeof r['sign_name'] === 'string' ? r['sign_name'] : null }]
      : [];
  });
}

/** Tencent Cloud SMS reply callback: { mobile, nationcode, text, sign, time, extend } (or a list of them). */
export function parseTencentReply(body: unknown): InboundSms[] {
  const list = Array.isArray(body) ? body : [body];
  return list.flatMap((m: unknown) => {
    if (typeof m !== 'object' || m === null) return [];
    const r = m as Record<string, unknown>;
    return typeof r['mobile'] === 'string' && typeof r['text'] === 'string'
      ? [{ phone: normalisePhone(r['mobile']), text: r['text'], signName: typeof r['sign'] === 'string' ? r['sign'] : null }]
      : [];
  });
}

/** Chinese mobiles as stored by the importer: 11 digits, without +86. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  const m = /^(?:\+?86)?(1\d{10})$/.exec(digits);
  return m?.[1] ?? digits;
}
