/**
 * Exports follow-up tasks for staff: CSV (UTF-8 with BOM so Excel on Chinese Windows shows 中文, CRLF, RFC
 * 4180 quoting) or XLSX through the project's writer. Both neutralise formula triggers (= + - @ TAB CR)
 * with a leading `'`, while phone numbers such as `+8613800000000` are left as they are.
 */
import { neutraliseFormula, writeXlsx } from '../../../importers/read/xlsx/xlsx-writer.ts';
import type { FollowUpTask } from './task-list-channel.ts';

type Column = readonly [keyof FollowUpTask, string, string];

const COLUMNS: readonly Column[] = [
  ['createdAt', '创建时间', 'Created'],
  ['method', '跟进方式', 'Method'],
  ['customerId', '客户ID', 'Customer ID'],
  ['customerName', '客户', 'Customer'],
  ['contact', '旺旺/微信', 'Wangwang / WeChat'],
  ['phone', '电话', 'Phone'],
  ['suggestedMessage', '建议话术', 'Suggested message'],
  ['coupon', '优惠券', 'Coupon'],
  ['dueSku', '到期商品', 'Due product'],
  ['reason', '原因', 'Reason'],
  ['listName', '清单', 'List'],
];

const METHOD_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  wangwang: ['旺旺', 'Wangwang'],
  wechat: ['微信', 'WeChat'],
  phone: ['电话', 'Phone'],
};

export interface TaskExportOptions {
  /** Header and method names in Chinese (default) or English. */
  readonly language?: 'zh' | 'en';
}

function table(tasks: readonly FollowUpTask[], language: 'zh' | 'en'): string[][] {
  const pick = (pair: readonly [string, string]): string => (language === 'zh' ? pair[0] : pair[1]);
  const header = COLUMNS.map(([, zh, en]) => pick([zh, en]));
  const rows = tasks.map((task) =>
    COLUMNS.map(([key]) => {
      const value = String(task[key]);
      const method = key === 'method' ? METHOD_NAMES[value] : undefined;
      return method === undefined ? value : pick(method);
    }),
  );
  return [header, ...rows];
}

function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The tasks as CSV or XLSX bytes. */
export function exportTaskList(tasks: readonly FollowUpTask[], format: 'csv' | 'xlsx', options: TaskExportOptions = {}): Uint8Array {
  const rows = table(tasks, options.language ?? 'zh');
  if (format === 'xlsx') {
    return writeXlsx([{ name: options.language === 'en' ? 'Follow-up' : '回访任务', rows }], { neutraliseFormulas: true });
  }
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  const body = Buffer.from(text, 'utf8');
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
