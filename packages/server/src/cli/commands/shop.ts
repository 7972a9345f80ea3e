/**
 * huitou shop — the shop's settings: its name, time zone and SMS signature (签名). `--sms-sign TEXT` sets the
 * shop's own signature (an agency's shops each have theirs), `--clear-sms-sign` goes back to HUITOU_SMS_SIGN,
 * else the shop's name.
 */
import { smsSignProblem } from '../../engine/channels/sms/sms-sign.ts';
import { resolveSmsSign, setShopSmsSign } from '../../store/repositories/shop.repository.ts';
import type { Shop, SmsSignSource } from '../../store/repositories/shop.repository.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openShop, printJson, resolveLang } from '../command-helpers.ts';

const OPTIONS = {
  'sms-sign': { type: 'string', description: "set the shop's own SMS signature (2–12 characters, without 【】)", placeholder: 'TEXT' },
  'clear-sms-sign': { type: 'boolean', description: "remove the shop's own SMS signature (HUITOU_SMS_SIGN, else the shop's name, applies)" },
} as const;

const MESSAGES = {
  en: { shop: 'Shop', zone: 'Time zone', sign: 'SMS signature' },
  zh: { shop: '店铺', zone: '时区', sign: '短信签名' },
} as const;

/** Where the signature comes from, as the text output says it. */
const SOURCES: Readonly<Record<'en' | 'zh', Readonly<Record<SmsSignSource, string>>>> = {
  en: { shop: "the shop's own", env: 'HUITOU_SMS_SIGN', name: "the shop's name" },
  zh: { shop: '店铺自己的', env: 'HUITOU_SMS_SIGN', name: '店铺名' },
};

export const shopCommand: Command = {
  name: 'shop',
  summary: { zh: '店铺设置：时区、短信签名', en: "the shop's settings: time zone, SMS signature" },
  usage: 'huitou shop [--sms-sign TEXT | --clear-sms-sign] [--shop NAME] [--json]',
  options: OPTIONS,
  async run(argv, { io, config }) {
    const { options, positionals } = parseCommandArgs(argv, OPTIONS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const lang = resolveLang(options.lang, config);
    const wanted = options['sms-sign'];
    if (wanted !== undefined && options['clear-sms-sign']) throw new UsageError('--sms-sign and --clear-sms-sign exclude each other');
    if (wanted !== undefined) {
      const problem = smsSignProblem(wanted);
      if (problem !== null) throw new UsageError(problem[lang]);
    }
    const opened = await openShop(config, options, null);
    try {
      let shop: Shop = opened.shop;
      if (wanted !== undefined) shop = await setShopSmsSign(opened.db, shop, wanted.trim());
      else if (options['clear-sms-sign']) shop = await setShopSmsSign(opened.db, shop, null);
      const { smsSign, smsSignSource } = resolveSmsSign(shop, config.sms.signName);
      if (options.json) {
        printJson(io, { shop: shop.name, timeZone: shop.timeZone, smsSign, smsSignSource, shopSmsSign: shop.smsSign });
      } else {
        const m = MESSAGES[lang];
        io.stdout.write(`${m.shop}: ${shop.name}\n${m.zone}: ${shop.timeZone}\n${m.sign}: 【${smsSign}】 (${SOURCES[lang][smsSignSource]})\n`);
      }
      return EXIT_OK;
    } finally {
      opened.db.close();
    }
  },
};
