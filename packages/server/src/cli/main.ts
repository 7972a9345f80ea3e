import type { Writable } from 'node:stream';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  io.stdout.write(`huitou ${argv.join(' ')}\n`);
  return 0;
}
