/**
 * The huitou command: finds the subcommand, loads config once, and maps errors to exit codes in one place
 * (0 success, 1 failure, 2 usage). Testable in-process: runCli(argv, io) never touches process globals.
 */
import { loadConfig } from '../config.ts';
import type { Config, Lang } from '../config.ts';
import { describeOptions } from './args.ts';
import { CommandError, EXIT_FAILURE, EXIT_USAGE, UsageError } from './cli-error.ts';
import type { CliIo, Command } from './command.ts';
import { t } from './messages.ts';

export type { CliIo } from './command.ts';

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  import: async () => (await import('./commands/import.ts')).importCommand,
  customers: async () => (await import('./commands/customers.ts')).customersCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  analyze: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  model: async () => (await import('./commands/model.ts')).modelCommand,
  campaign: async () => (await import('./commands/campaign.ts')).campaignCommand,
  send: async () => (await import('./commands/send.ts')).sendCommand,
  'sms-sim': async () => (await import('./commands/sms-sim.ts')).smsSimCommand,
  user: async () => (await import('./commands/user.ts')).userCommand,
  shop: async () => (await import('./commands/shop.ts')).shopCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    io.stderr.write(`huitou: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const lang = langFromArgs(argv) ?? config.lang;
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(await mainHelp(lang));
    return 0;
  }
  if (name === '--version' || name === 'version') {
    io.stdout.write('huitou 0.1.0\n');
    return 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    io.stderr.write(`huitou: ${t(lang, 'unknownCommand', name)}\n\n${await mainHelp(lang)}`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n\n${command.summary[lang]}\n\n${describeOptions(command.options)}\n`);
    return 0;
  }
  const json = rest.includes('--json');
  try {
    return await command.run(rest, { io, config: { ...config, lang } });
  } catch (error) {
    const usage = error instanceof UsageError;
    const code = usage ? 'usage' : error instanceof CommandError ? error.code : 'failure';
    const message = error instanceof Error ? error.message : String(error);
    if (json) io.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    io.stderr.write(`huitou ${name}: ${t(lang, 'error')}: ${message}\n`);
    if (usage) io.stderr.write(`${command.usage}\n`);
    return usage ? EXIT_USAGE : EXIT_FAILURE;
  }
}

function langFromArgs(argv: readonly string[]): Lang | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  const raw = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return raw === 'zh' || raw === 'en' ? raw : undefined;
}

async function mainHelp(lang: Lang): Promise<string> {
  const lines = [t(lang, 'usage'), '', `${t(lang, 'commands')}:`];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = await load();
    lines.push(`  ${name.padEnd(12)}${command.summary[lang]}`);
  }
  lines.push('', t(lang, 'helpHint'), '');
  return lines.join('\n');
}
