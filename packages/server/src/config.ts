/**
 * Configuration: read from the environment once at the edge, validated, frozen, and passed in.
 * Command-line flags override it per invocation.
 */
import { isValidTimeZone } from './importers/cells/zone-offset.ts';

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
  /** HUITOU_TRACE=1: each SQL statement's duration goes to stderr. */
  readonly trace: ((ms: number, sql: string) => void) | null;
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
  return Object.freeze({
    dbPath: env['HUITOU_DB'] ?? './huitou.duckdb',
    shop: env['HUITOU_SHOP'] ?? 'default',
    shopFromEnv: env['HUITOU_SHOP'] !== undefined,
    timeZone,
    lang: langEnv ?? langFromLocale(env),
    memoryLimit: env['HUITOU_MEMORY_LIMIT'] ?? null,
    trace: env['HUITOU_TRACE'] === '1' ? (ms: number, sql: string) => process.stderr.write(`[sql ${ms.toFixed(1)} ms] ${sql}\n`) : null,
  });
}

function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
