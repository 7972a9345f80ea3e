/** The shape of a CLI command: declared options, a summary in both languages, and a run function. */
import type { Writable } from 'node:stream';
import type { Config, Lang } from '../config.ts';
import type { OptionSpecs } from './args.ts';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly config: Config;
}

export interface Command {
  readonly name: string;
  readonly summary: Readonly<Record<Lang, string>>;
  readonly usage: string;
  readonly options: OptionSpecs;
  run(argv: readonly string[], ctx: CommandContext): Promise<number>;
}
