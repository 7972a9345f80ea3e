/**
 * Configuration: read from the environment once at the edge, validated, frozen, and passed in.
 * Command-line flags override it per invocation.
 */
import { isIP } from 'node:net';
import type { SmsConfig, SmtpConfig, WebhookConfig } from './engine/setup/channel-config.ts';
import { isValidTimeZone } from './importers/cells/zone-offset.ts';
import { isMemorySize } from './store/memory-size.ts';
import { DEFAULT_QUIET_HOURS, parseSendingHours } from './engine/outbox/quiet-hours.ts';
import type { QuietHours } from './engine/outbox/quiet-hours.ts';

export type { SmsConfig, SmtpConfig, WebhookConfig } from './engine/setup/channel-config.ts';

export type Lang = 'zh' | 'en';

export interface Config {
  /** DuckDB file; HUITOU_DB, default ./huitou.duckdb. */
  readonly dbPath: string;
  /** Shop name; HUITOU_SHOP, default 'default'. */
  readonly shop: string;
  /** True when HUITOU_SHOP chose the shop (then no single-shop fallback applies). */
  readonly shopFromEnv: boolean;
  /** IANA time zone for naive timestamps; HUITOU_TZ, default Asia/Shanghai. */
  readonly timeZone: string;
  /** Message language; HUITOU_LANG, else from LC_ALL / LC_MESSAGES / LANG (zh* → zh), default en. */
  readonly lang: Lang;
  /** DuckDB memory limit, e.g. 4GB; HUITOU_MEMORY_LIMIT. */
  readonly memoryLimit: string | null;
  /**
   * Memory cap while an import runs (its staging spills to disk past it); HUITOU_IMPORT_MEMORY_LIMIT,
   * default 768MB, or none when HUITOU_MEMORY_LIMIT is set ("off" for none).
   */
  readonly importMemoryLimit: string | null;
  /** Channels the sender uses (see channels in docs/cli.md). */
  readonly sms: SmsConfig;
  readonly smtp: SmtpConfig | null;
  readonly webhook: WebhookConfig | null;
  /** Public base URL of the inbound endpoint, for unsubscribe links (HUITOU_PUBLIC_URL). */
  readonly publicUrl: string | null;
  /** Local hours in which marketing may be sent, for planning and sending; HUITOU_SENDING_HOURS, default 08:00-21:00 ("always" for none). */
  readonly sendingHours: QuietHours;
  /** Largest file the HTTP API accepts for import, in bytes; HUITOU_MAX_UPLOAD_MB, default 512. */
  readonly maxUploadBytes: number;
  /**
   * Gross margin as a share of revenue (cost of goods is not in the exports), for campaign results'
   * incremental margin and ROI; HUITOU_GROSS_MARGIN, default 0.3.
   */
  readonly grossMargin: number;
  /** HUITOU_TRACE=1: each SQL statement's duration goes to stderr. */
  readonly trace: ((ms: number, sql: string) => void) | null;
  /**
   * Addresses of the reverse proxies in front of `huitou serve` (HUITOU_TRUSTED_PROXIES, comma-separated IPs).
   * A request from one of them is attributed to the client its X-Forwarded-For names (login throttling, the
   * audit log); from anyone else the header is ignored. Empty by default.
   */
  readonly trustedProxies: readonly string[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen Config; throws ConfigError naming the bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const timeZone = env['HUITOU_TZ'] ?? 'Asia/Shanghai';
  if (!isValidTimeZone(timeZone)) throw new ConfigError(`HUITOU_TZ: "${timeZone}" is not an IANA time zone`);
  const langEnv = env['HUITOU_LANG'];
  if (langEnv !== undefined && langEnv !== 'zh' && langEnv !== 'en') {
    throw new ConfigError(`HUITOU_LANG: "${langEnv}" must be zh or en`);
  }
  const grossMargin = Number(env['HUITOU_GROSS_MARGIN'] ?? '0.3');
  if (!(grossMargin > 0 && grossMargin <= 1)) throw new ConfigError(`HUITOU_GROSS_MARGIN: "${env['HUITOU_GROSS_MARGIN']}" must be a share above 0 and at most 1, e.g. 0.3`);
  return Object.freeze({
    dbPath: env['HUITOU_DB'] ?? './huitou.duckdb',
    shop: env['HUITOU_SHOP'] ?? 'default',
    shopFromEnv: env['HUITOU_SHOP'] !== undefined,
    timeZone,
    lang: langEnv ?? langFromLocale(env),
    memoryLimit: env['HUITOU_MEMORY_LIMIT'] ?? null,
    importMemoryLimit: parseImportMemoryLimit(env),
    sms: parseSms(env),
    smtp: parseSmtp(env),
    webhook: parseWebhook(env),
    publicUrl: env['HUITOU_PUBLIC_URL'] ?? null,
    grossMargin,
    maxUploadBytes: parseUploadLimit(env['HUITOU_MAX_UPLOAD_MB']),
    sendingHours: parseSendingHoursEnv(env['HUITOU_SENDING_HOURS']),
    trace: env['HUITOU_TRACE'] === '1' ? (ms: number, sql: string) => process.stderr.write(`[sql ${ms.toFixed(1)} ms] ${sql}\n`) : null,
    trustedProxies: parseTrustedProxies(env['HUITOU_TRUSTED_PROXIES']),
  });
}

/** An IP address in the form requests carry it: lower case, an IPv4-mapped IPv6 address as plain IPv4. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

function parseTrustedProxies(raw: string | undefined): readonly string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const list = raw.split(',').map(normalizeAddress);
  const bad = list.find((a) => isIP(a) === 0);
  if (bad !== undefined) throw new ConfigError(`HUITOU_TRUSTED_PROXIES: "${bad}" is not an IP address (a comma-separated list of the proxies' addresses, e.g. 127.0.0.1,::1)`);
  return Object.freeze([...new Set(list)]);
}

function parseSendingHoursEnv(raw: string | undefined): QuietHours {
  if (raw === undefined) return DEFAULT_QUIET_HOURS;
  const hours = parseSendingHours(raw);
  if (hours === null) throw new ConfigError(`HUITOU_SENDING_HOURS: "${raw}" must be a local window like 08:00-21:00, or always`);
  return hours;
}

/** The default import cap: importing 1M orders then peaks at 1.33 GB instead of 2.16 GB, ~8 % slower (docs/benchmarks.md). */
const DEFAULT_IMPORT_MEMORY_LIMIT = '768MB';

function parseImportMemoryLimit(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = env['HUITOU_IMPORT_MEMORY_LIMIT'];
  if (raw === undefined) return env['HUITOU_MEMORY_LIMIT'] === undefined ? DEFAULT_IMPORT_MEMORY_LIMIT : null;
  if (raw === 'off') return null;
  if (!isMemorySize(raw)) {
    throw new ConfigError(`HUITOU_IMPORT_MEMORY_LIMIT: "${raw}" must be a size such as 1GB or 512MB, or off`);
  }
  return raw;
}

function parseUploadLimit(raw: string | undefined): number {
  const mb = Number(raw ?? '512');
  if (!Number.isFinite(mb) || mb <= 0 || mb > 65_536) throw new ConfigError(`HUITOU_MAX_UPLOAD_MB: "${raw}" must be a size in megabytes (1–65536)`);
  return Math.round(mb * 1024 * 1024);
}

function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function parseSms(env: Readonly<Record<string, string | undefined>>): SmsConfig {
  const provider = env['HUITOU_SMS_PROVIDER'] ?? 'aliyun';
  if (provider !== 'aliyun' && provider !== 'tencent') throw new ConfigError(`HUITOU_SMS_PROVIDER: "${provider}" must be aliyun or tencent`);
  const cost = Number(env['HUITOU_SMS_COST_CENTS'] ?? '4.5');
  if (!(cost >= 0)) throw new ConfigError(`HUITOU_SMS_COST_CENTS: "${env['HUITOU_SMS_COST_CENTS']}" is not a price in cents`);
  const endpoint = env['HUITOU_SMS_ENDPOINT'] ?? null;
  if (endpoint !== null && !/^https?:\/\//.test(endpoint)) throw new ConfigError(`HUITOU_SMS_ENDPOINT: "${endpoint}" must be an http(s) URL`);
  return Object.freeze({
    provider,
    endpoint,
    keyId: env['HUITOU_SMS_KEY_ID'] ?? null,
    keySecret: env['HUITOU_SMS_KEY_SECRET'] ?? null,
    appId: env['HUITOU_SMS_APP_ID'] ?? null,
    signName: env['HUITOU_SMS_SIGN'] ?? null,
    templateId: env['HUITOU_SMS_TEMPLATE'] ?? 'HUITOU_TEXT',
    costPerSegmentCents: cost,
  });
}

function parseSmtp(env: Readonly<Record<string, string | undefined>>): SmtpConfig | null {
  const host = env['HUITOU_SMTP_HOST'];
  if (host === undefined) return null;
  const port = Number(env['HUITOU_SMTP_PORT'] ?? '587');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ConfigError(`HUITOU_SMTP_PORT: "${env['HUITOU_SMTP_PORT']}" is not a port`);
  const from = env['HUITOU_SMTP_FROM'];
  if (from === undefined) throw new ConfigError('HUITOU_SMTP_FROM: required with HUITOU_SMTP_HOST');
  return Object.freeze({ host, port, user: env['HUITOU_SMTP_USER'] ?? null, pass: env['HUITOU_SMTP_PASS'] ?? null, from });
}

function parseWebhook(env: Readonly<Record<string, string | undefined>>): WebhookConfig | null {
  const url = env['HUITOU_WEBHOOK_URL'];
  if (url === undefined) return null;
  if (!/^https?:\/\//.test(url)) throw new ConfigError(`HUITOU_WEBHOOK_URL: "${url}" must be an http(s) URL`);
  const preset = env['HUITOU_WEBHOOK_PRESET'] ?? 'json';
  if (preset !== 'json' && preset !== 'wecom-text' && preset !== 'wecom-markdown') throw new ConfigError(`HUITOU_WEBHOOK_PRESET: "${preset}" must be json, wecom-text or wecom-markdown`);
  const secret = env['HUITOU_WEBHOOK_SECRET'] ?? null;
  if (preset === 'json' && (secret === null || secret.length < 16)) throw new ConfigError('HUITOU_WEBHOOK_SECRET: at least 16 characters are needed to sign json webhooks');
  return Object.freeze({ url, preset, secret });
}
