/** The eight classic RFM segments (value = high monetary, retain = not recent but frequent, …). */
export const RFM_SEGMENTS = [
  { code: 'important_value', zh: '重要价值客户', en: 'Important value', recent: true, frequent: true, high: true },
  { code: 'important_develop', zh: '重要发展客户', en: 'Important to develop', recent: true, frequent: false, high: true },
  { code: 'important_retain', zh: '重要保持客户', en: 'Important to retain', recent: false, frequent: true, high: true },
  { code: 'important_win_back', zh: '重要挽留客户', en: 'Important to win back', recent: false, frequent: false, high: true },
  { code: 'general_value', zh: '一般价值客户', en: 'General value', recent: true, frequent: true, high: false },
  { code: 'general_develop', zh: '一般发展客户', en: 'General to develop', recent: true, frequent: false, high: false },
  { code: 'general_retain', zh: '一般保持客户', en: 'General to retain', recent: false, frequent: true, high: false },
  { code: 'general_win_back', zh: '一般挽留客户', en: 'General to win back', recent: false, frequent: false, high: false },
] as const;

/** Segment code, e.g. `important_value`. */
export type RfmSegmentCode = (typeof RFM_SEGMENTS)[number]['code'];

/** Value in `RfmResult.segment` for customers without a valid order (not segmented). */
export const NO_SEGMENT = 255;

/** Index into `RFM_SEGMENTS` for the three comparisons (matches the table order). */
export function rfmSegmentIndex(recent: boolean, frequent: boolean, high: boolean): number {
  return (high ? 0 : 4) + (recent ? 0 : 2) + (frequent ? 0 : 1);
}
