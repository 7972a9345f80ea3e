/** huitou's message template engine: a small logic-light language with no code execution. See README.md. */
export { compileTemplate } from './compile-template.ts';
export { renderTemplate, escapeHtml } from './render-template.ts';
export { FILTER_NAMES } from './template-filters.ts';
export { SELLER_VARIABLES, SELLER_VARIABLE_PATHS, exampleTemplateData } from './template-variables.ts';
export type { SellerVariable } from './template-variables.ts';
export { validateSmsTemplate, smsSegments, OPT_OUT_PHRASES } from './sms-template-rules.ts';
export type { SmsTemplateIssue, SmsTemplateIssueCode, SmsTemplateOptions } from './sms-template-rules.ts';
export type * from './template-types.ts';
