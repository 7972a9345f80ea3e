/**
 * huitou serve: the HTTP API and the web dashboard on one port, with the background senders. Runs until
 * SIGINT/SIGTERM, then stops taking requests, lets running imports finish and closes the store.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../api/serve/start-server.ts';
import type { RunningServer } from '../../api/serve/start-server.ts';
import type { Config } from '../../config.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError } from '../cli-error.ts';
import type { CliIo, Command } from '../command.ts';
import { printJson, resolveLang } from '../command-helpers.ts';

const OPTIONS = {
  host: { type: 'string', description: 'address to listen on (default 127.0.0.1; HUITOU_HOST)', placeholder: 'HOST' },
  port: { type: 'string', description: 'port (default 8787; HUITOU_PORT; 0 = any free port)', placeholder: 'N' },
  web: { type: 'string', description: 'folder of the built dashboard (default packages/web/dist)', placeholder: 'DIR' },
  'no-send': { type: 'boolean', description: 'do not run the background senders' },
  'sms-sim': { type: 'boolean', description: 'start the bundled SMS provider simulator and send SMS to it (demo)' },
} as const;

/** packages/web/dist next to this package. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: { zh: '启动网页看板和 HTTP 接口（同一端口）', en: 'serve the web dashboard and the HTTP API on one port' },
  usage: 'huitou serve [--host HOST] [--port N] [--web DIR] [--no-send] [--sms-sim] [--db PATH] [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const lang = resolveLang(options.lang, config);
    const server = await startFromOptions(io, config, {
      host: options.host ?? io.env['HUITOU_HOST'] ?? '127.0.0.1',
      port: intOption('port', options.port ?? io.env['HUITOU_PORT'], 8787, 0, 65535),
      web: options.web ?? DEFAULT_WEB_ROOT,
      send: !options['no-send'],
      smsSim: options['sms-sim'],
      db: options.db,
    });
    announce(io, server, options.json, lang === 'zh', null);
    await untilSignal();
    await server.close();
    return EXIT_OK;
  },
};

export interface ServeChoices {
  readonly host: string;
  readonly port: number;
  readonly web: string;
  readonly send: boolean;
  readonly smsSim: boolean;
  readonly db: string | undefined;
}

export async function startFromOptions(io: CliIo, config: Config, choices: ServeChoices): Promise<RunningServer> {
  if (!existsSync(choices.web)) io.stderr.write(`note: the dashboard is not built at ${choices.web} (npm run build:web); serving the API only\n`);
  return startServer({
    config: choices.db === undefined ? config : { ...config, dbPath: choices.db },
    host: choices.host, port: choices.port, webRoot: choices.web, send: choices.send, smsSimulator: choices.smsSim,
    log: (line) => io.stderr.write(`${line}\n`),
  });
}

export function announce(io: CliIo, server: RunningServer, json: boolean, zh: boolean, login: { username: string; password: string | null } | null): void {
  if (json) {
    printJson(io, { url: server.url, smsSimulator: server.smsSimulator?.url ?? null, ...(login === null ? {} : { login }) });
    return;
  }
  io.stdout.write(`${zh ? '回头客已启动' : 'huitou is running'}: ${server.url}\n`);
  if (login !== null) {
    io.stdout.write(zh ? `登录：用户名 ${login.username}` : `log in as ${login.username}`);
    io.stdout.write(login.password === null ? (zh ? '（密码已在首次启动时显示）\n' : ' (its password was shown on first start)\n') : (zh ? `，密码 ${login.password}\n` : `, password ${login.password}\n`));
  }
  if (server.smsSimulator !== null) io.stdout.write(`${zh ? '短信模拟器' : 'SMS simulator'}: ${server.smsSimulator.url}/sim/messages\n`);
  io.stdout.write(zh ? '按 Ctrl+C 停止。\n' : 'Press Ctrl+C to stop.\n');
}

/** Resolves on SIGINT or SIGTERM. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
