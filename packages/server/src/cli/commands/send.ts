/**
 * huitou send: the sender loop. Leases due touches and sends them over the configured channels until
 * stopped (or, with --once, until nothing is due); with --inbound-port it also receives provider SMS
 * replies and one-click email unsubscribes, applied before the next lease.
 */
import { couponSecret } from '../../engine/campaigns/campaign-store.ts';
import { startInboundServer } from '../../engine/optout/inbound-server.ts';
import { runSender } from '../../engine/outbox/sender.ts';
import { buildChannels } from '../../engine/setup/build-channels.ts';
import { unsubscribeLinks } from '../../engine/setup/unsubscribe-links.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { CommandError, EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';
import { signNameFor } from './campaign-load.ts';

const OPTIONS = {
  once: { type: 'boolean', description: 'stop when nothing is due' },
  concurrency: { type: 'string', description: 'requests in flight (default 32)', placeholder: 'N' },
  'inbound-port': { type: 'string', description: 'also listen for SMS replies and unsubscribes on this port', placeholder: 'PORT' },
} as const;

export const sendCommand: Command = {
  name: 'send',
  summary: { zh: '发送循环：按计划发送、重试、处理退订', en: 'the sender loop: send, retry, handle opt-outs' },
  usage: 'huitou send [--once] [--concurrency N] [--inbound-port PORT] [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    const lang = resolveLang(options.lang, config);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const concurrency = intOption('concurrency', options.concurrency, 32, 1, 1024);
    const inboundPort = options['inbound-port'] === undefined ? null : intOption('inbound-port', options['inbound-port'], 0, 1, 65535);
    const { db, shop } = await openShop(config, options, null);
    const { channels } = buildChannels(config.sms, config.smtp, signNameFor(config, shop), config.webhook);
    if (!channels.has('sms')) io.stderr.write(lang === 'zh' ? '提示：未配置短信（HUITOU_SMS_ENDPOINT / HUITOU_SMS_KEY_ID），短信任务不会发送。\n' : 'note: SMS is not configured (HUITOU_SMS_ENDPOINT / HUITOU_SMS_KEY_ID); SMS touches wait.\n');
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const inbound = inboundPort === null ? null : await startInboundServer({ db: await db.fork(), shopId: shop.shopId, secret: await couponSecret(db), port: inboundPort, host: '0.0.0.0' });
    if (inbound !== null && !options.json) io.stderr.write(`inbound: ${inbound.url}/inbound/aliyun, /inbound/tencent, /u/<token>\n`);
    try {
      const stats = await runSender(db, {
        owner: `send-${process.pid}`, channels, timeZone: shop.timeZone, concurrency, quietHours: config.sendingHours, stopWhenIdle: options.once, signal: stop.signal,
        smsTemplateId: config.sms.templateId,
        unsubscribeUrl: unsubscribeLinks(config.publicUrl, await couponSecret(db)),
        onBatch: (s) => {
          if (!options.json) io.stderr.write(`\rsent ${s.sent}  retried ${s.retried}  dead ${s.dead}  skipped ${s.skipped}  deferred ${s.deferred}`);
        },
      });
      if (options.json) printJson(io, stats);
      else io.stdout.write(`\nsent ${stats.sent}, retried ${stats.retried}, dead ${stats.dead}, skipped ${stats.skipped}, deferred ${stats.deferred}${stats.paused.length > 0 ? `, paused campaigns ${stats.paused.join(', ')}` : ''}\n`);
      return EXIT_OK;
    } catch (error) {
      throw new CommandError('send_failed', error instanceof Error ? error.message : String(error));
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await inbound?.close();
      db.close();
    }
  },
};
