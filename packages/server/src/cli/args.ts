/**
 * Declarative options on top of node:util parseArgs: each command declares its options once; parsing
 * returns typed values or throws UsageError with a precise message.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cli-error.ts';

export type OptionSpec =
  | { readonly type: 'boolean'; readonly short?: string; readonly description: string }
  | { readonly type: 'string'; readonly short?: string; readonly description: string; readonly multiple?: boolean; readonly placeholder?: string };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export type ParsedOptions<S extends OptionSpecs> = {
  [K in keyof S]: S[K] extends { type: 'boolean' } ? boolean : S[K] extends { multiple: true } ? string[] : string | undefined;
};

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  db: { type: 'string', description: 'database file (default ./huitou.duckdb)', placeholder: 'PATH' },
  shop: { type: 'string', description: 'shop name (default: default)', placeholder: 'NAME' },
  json: { type: 'boolean', description: 'print one JSON document on stdout' },
  lang: { type: 'string', description: 'message language: zh or en', placeholder: 'zh|en' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
} as const satisfies OptionSpecs;

export interface Parsed<S extends OptionSpecs> {
  readonly options: ParsedOptions<S & typeof GLOBAL_OPTIONS>;
  readonly positionals: string[];
}

export function parseCommandArgs<S extends OptionSpecs>(argv: readonly string[], specs: S): Parsed<S> {
  const all: OptionSpecs = { ...GLOBAL_OPTIONS, ...specs };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(all)) {
    config[name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.type === 'string' && spec.multiple === true ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
    const options: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(all)) {
      const v = values[name];
      options[name] = spec.type === 'boolean' ? v === true : spec.multiple === true ? (Array.isArray(v) ? v : []) : v;
    }
    return { options: options as ParsedOptions<S & typeof GLOBAL_OPTIONS>, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
}

/** Parses a whole number option within bounds, or throws UsageError. */
export function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** Parses a decimal number option, or throws UsageError. */
export function numberOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(raw)) throw new UsageError(`--${name} takes a number, got "${raw}"`);
  return Number(raw);
}

/** Renders the options of a command for --help. */
export function describeOptions(specs: OptionSpecs): string {
  const all: OptionSpecs = { ...specs, ...GLOBAL_OPTIONS };
  const rows = Object.entries(all).map(([name, spec]) => {
    const left = `  ${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.type === 'string' ? ` ${spec.placeholder ?? 'VALUE'}` : ''}`;
    return [left, spec.description] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, d]) => l.padEnd(width) + d).join('\n');
}
