/** Runs the CLI in-process and captures what it prints. */
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

export async function cli(argv: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, { stdout, stderr, env: { LANG: 'en_US.UTF-8', ...env }, isTTY: false });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Parses stdout as the one JSON document a --json command prints. */
export function json<T = Record<string, unknown>>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}
