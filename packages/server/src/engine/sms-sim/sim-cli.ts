/**
 * Entry point for `huitou sms-sim`: starts the simulator in the foreground, prints its URL and the
 * credentials it accepts, and stops on SIGINT/SIGTERM (or when `stop` aborts, for tests).
 *
 *   huitou sms-sim [--port N] [--host H] [--record FILE] [--failure-rate X] [--rate-limit N]
 *                  [--delay-ms N] [--invalid-suffix S]… [--templates FILE.json]
 *                  [--aliyun-callback URL] [--tencent-callback URL] [--seed N]
 */
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { startSmsSimulator } from './sim-server.ts';
import type { SimFailureConfig, SmsSimulatorOptions } from './sim-types.ts';

export const SMS_SIM_USAGE = `huitou sms-sim [--port N] [--host H] [--record FILE] [--failure-rate X] [--rate-limit N] [--delay-ms N]
               [--invalid-suffix S]... [--templates FILE.json] [--aliyun-callback URL] [--tencent-callback URL] [--seed N]`;

export interface SmsSimCliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

function number(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) throw new RangeError(`--${name} must be a number between ${min} and ${max}: ${value}`);
  return parsed;
}

/** Parses the command line into simulator options (throws TypeError/RangeError with a usage message). */
export async function smsSimOptionsFromArgv(argv: readonly string[]): Promise<SmsSimulatorOptions> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, record: { type: 'string' }, 'failure-rate': { type: 'string' },
      'rate-limit': { type: 'string' }, 'delay-ms': { type: 'string' }, 'invalid-suffix': { type: 'string', multiple: true },
      templates: { type: 'string' }, 'aliyun-callback': { type: 'string' }, 'tencent-callback': { type: 'string' }, seed: { type: 'string' },
    },
  });
  const failureRate = number(values['failure-rate'], 'failure-rate', 0, 1);
  const maxPerSecond = number(values['rate-limit'], 'rate-limit', 1, 1_000_000);
  const delayMs = number(values['delay-ms'], 'delay-ms', 0, 600_000);
  const seed = number(values.seed, 'seed', 0, 2 ** 32);
  const failures: SimFailureConfig = {
    ...(failureRate === undefined ? {} : { failureRate }),
    ...(maxPerSecond === undefined ? {} : { maxPerSecond }),
    ...(delayMs === undefined ? {} : { delayMs }),
    ...(seed === undefined ? {} : { seed }),
    ...(values['invalid-suffix'] === undefined ? {} : { invalidSuffixes: values['invalid-suffix'] }),
  };
  let templates: Record<string, string> | null = null;
  if (values.templates !== undefined) {
    const parsed: unknown = JSON.parse(await readFile(values.templates, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((text) => typeof text !== 'string')) {
      throw new TypeError(`--templates must be a JSON object of template id → text: ${values.templates}`);
    }
    templates = parsed as Record<string, string>;
  }
  const port = number(values.port, 'port', 0, 65535);
  return {
    ...(port === undefined ? {} : { port }),
    ...(values.host === undefined ? {} : { host: values.host }),
    recordFile: values.record ?? null,
    failures,
    templates,
    replyCallbackUrls: {
      ...(values['aliyun-callback'] === undefined ? {} : { aliyun: values['aliyun-callback'] }),
      ...(values['tencent-callback'] === undefined ? {} : { tencent: values['tencent-callback'] }),
    },
  };
}

/** Runs the simulator until SIGINT/SIGTERM or `stop`; returns the exit code (2 on bad arguments). */
export async function runSmsSimulatorCli(argv: readonly string[], io: SmsSimCliIo, stop?: AbortSignal): Promise<number> {
  let options: SmsSimulatorOptions;
  try {
    options = await smsSimOptionsFromArgv(argv);
  } catch (error: unknown) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\nusage: ${SMS_SIM_USAGE}\n`);
    return 2;
  }
  const sim = await startSmsSimulator(options);
  const { aliyun, tencent } = sim.credentials;
  io.stdout.write(
    `sms-sim listening on ${sim.url}\n` +
      `  aliyun:  endpoint ${sim.url}  AccessKeyId ${aliyun.accessKeyId}  AccessKeySecret ${aliyun.accessKeySecret}\n` +
      `  tencent: endpoint ${sim.url}  SecretId ${tencent.secretId}  SecretKey ${tencent.secretKey}  SmsSdkAppId ${tencent.sdkAppId}\n` +
      `  control: GET ${sim.url}/sim/messages  GET ${sim.url}/sim/stats  POST ${sim.url}/sim/reset  POST ${sim.url}/sim/reply\n`,
  );
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (stop !== undefined) {
      if (stop.aborted) done();
      else stop.addEventListener('abort', done, { once: true });
    }
  });
  const stats = sim.stats();
  await sim.close();
  io.stdout.write(`sms-sim stopped: ${stats.accepted} accepted, ${stats.duplicates} duplicates suppressed, ${stats.requests} requests\n`);
  return 0;
}
