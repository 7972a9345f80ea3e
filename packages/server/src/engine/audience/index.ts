/** Audience rules: the language (parse and validate), the SQL compiler and the runners. See README.md. */
export type { AudienceIssue, AudienceRule, Comparison, CompareOp, ConsentChannel, IssueCode, IssuePath, LeafCondition, ParseResult } from './types.ts';
export { CONSENT_CHANNELS } from './types.ts';
export { FIELDS, LIMITS, OPS_BY_KIND, type FieldKind, type FieldSpec } from './fields.ts';
export { parseAudienceRule, type AudienceParseOptions } from './parse-rule.ts';
export { AUDIENCE_FROM, compileAudience, DEFAULT_AUDIENCE_TIME_ZONE, selectAudienceSql, type AudienceCompileOptions, type CompiledAudience } from './compile.ts';
export { countAudience, listAudience, type AudiencePage } from './run-audience.ts';
