/**
 * An SMS signature (签名) as providers approve them: 2–12 characters, without the 【】 the message wraps it
 * in (Aliyun and Tencent both allow 2–12 characters of Chinese, letters and digits).
 */

/** Why `text` cannot be a signature (both languages), or null when it can; checks the trimmed text. */
export function smsSignProblem(text: string): { readonly en: string; readonly zh: string } | null {
  const sign = text.trim();
  const length = [...sign].length;
  if (length < 2 || length > 12) return { en: `an SMS signature has 2 to 12 characters, "${sign}" has ${length}`, zh: `短信签名须为 2–12 个字符，“${sign}”有 ${length} 个` };
  if (!/^[\p{Script=Han}\p{L}\p{N} ]+$/u.test(sign)) return { en: `an SMS signature holds only letters, Chinese characters, digits and spaces (no 【】): "${sign}"`, zh: `短信签名只能包含汉字、字母、数字和空格（不含【】）：“${sign}”` };
  return null;
}
