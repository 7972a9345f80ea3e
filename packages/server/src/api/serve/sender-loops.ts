/**
 * The server's background senders: one sender loop per shop, each on a connection of its own, started for
 * every shop in the store and for shops created while the server runs (checked every 30 s). Launching a
 * campaign from the dashboard queues touches; these loops send them, as `huitou send` would.
 */
import type { Config } from '../../config.ts';
import { couponSecret } from '../../engine/campaigns/campaign-store.ts';
import { runSender } from '../../engine/outbox/sender.ts';
import type { QuietHours } from '../../engine/outbox/quiet-hours.ts';
import { buildChannels } from '../../engine/setup/build-channels.ts';
import { unsubscribeLinks } from '../../engine/setup/unsubscribe-links.ts';
import type { Db } from '../../store/database.ts';
import { listShops } from '../../store/repositories/shop.repository.ts';
import type { Shop } from '../../store/repositories/shop.repository.ts';

export interface SenderLoopOptions {
  readonly config: Config;
  /** The shop's SMS signature (the API's rule: shopSignName). */
  readonly signName: (shop: Shop) => string;
  readonly quietHours?: QuietHours;
  readonly pollMs?: number;
  readonly log: (line: string) => void;
}

export interface SenderLoops {
  /** Starts loops for shops that have none yet. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export async function startSenderLoops(root: Db, options: SenderLoopOptions): Promise<SenderLoops> {
  const stop = new AbortController();
  const running = new Map<number, Promise<void>>();
  const secret = await couponSecret(root);
  let refreshing: Promise<void> = Promise.resolve();

  const startFor = async (shop: Shop) => {
    const { shopId, name: shopName, timeZone } = shop;
    const db = await root.fork();
    const { channels } = buildChannels(options.config.sms, options.config.smtp, options.signName(shop), options.config.webhook);
    const loop = (async () => {
      try {
        await runSender(db, {
          owner: `serve-${process.pid}-${shopId}`, channels, timeZone, signal: stop.signal, pollMs: options.pollMs ?? 1000,
          smsTemplateId: options.config.sms.templateId,
          unsubscribeUrl: unsubscribeLinks(options.config.publicUrl, secret),
          quietHours: options.quietHours ?? options.config.sendingHours,
        });
      } catch (error) {
        if (!stop.signal.aborted) options.log(`sender for shop ${shopName} stopped: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        db.close();
      }
    })();
    running.set(shopId, loop);
  };

  const refresh = async () => {
    refreshing = refreshing.then(async () => {
      if (stop.signal.aborted) return;
      for (const shop of await listShops(root)) if (!running.has(shop.shopId)) await startFor(shop);
    });
    await refreshing;
  };
  await refresh();
  const timer = setInterval(() => void refresh().catch((e: unknown) => options.log(`sender refresh: ${String(e)}`)), 30_000);
  timer.unref();

  return {
    refresh,
    async close() {
      clearInterval(timer);
      stop.abort();
      await refreshing.catch(() => undefined);
      await Promise.all(running.values());
    },
  };
}
