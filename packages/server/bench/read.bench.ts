/**
 * Read-layer benchmark: decode + CSV parse of a ~200 MB GBK export with 44 columns.
 * Run: npx tsx packages/server/bench/read.bench.ts [megabytes]
 * Prints MB/s and rows/s (median of 3) for openTables().rows() and for the batch API, and as the same-run
 * baseline the time to read the file and decode it with TextDecoder('gb18030') alone.
 */
import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { csvRowBatches } from '../src/importers/read/csv-source.ts';
import { openTables } from '../src/importers/read/open-tables.ts';
import { resolveLimits } from '../src/importers/read/limits.ts';
import type { ImportIssue } from '../src/importers/import-issue.ts';

const targetMb = Number(process.argv[2] ?? 200);
const COLUMNS = 44;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const CITIES = ['浙江省 杭州市 西湖区', '广东省 深圳市 南山区', '江苏省 南京市 建邺区', '北京 北京市 朝阳区'];
const STATUSES = ['交易成功', '买家已付款，等待卖家发货', '卖家已发货，等待买家确认', '交易关闭'];

function header(): string {
  const names = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '买家支付积分', '总金额', '返点积分', '买家实际支付金额', '买家实际支付积分', '订单状态', '买家留言', '收货人姓名', '收货地址', '运送方式', '联系电话', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司', '订单备注', '宝贝总数量', '店铺Id', '店铺名称', '订单关闭原因', '卖家服务费', '买家服务费', '发票抬头', '是否手机订单', '分阶段订单信息', '特权订金订单id', '是否上传合同照片', '是否上传小票', '是否代付', '定金排名', '修改后的sku', '修改后的收货地址', '异常信息', '天猫卡券抵扣', '集分宝抵扣', '是否是O2O交易'];
  return names.slice(0, COLUMNS).join(',');
}

function row(i: number): string {
  const id = String(5118600000000000000n + BigInt(i * 7919));
  const nick = `${SURNAMES[i % 8]}小${SURNAMES[(i >> 3) % 8]}${i % 1000}`;
  const amount = ((i * 37) % 50000) / 100;
  const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')} 1${i % 10}:2${i % 10}:3${i % 10}`;
  const cells = [`="${id}"`, nick, `${nick}@example.com`, amount.toFixed(2), '0.00', '0', amount.toFixed(2), '0', amount.toFixed(2), '0', STATUSES[i % 4]!, i % 5 === 0 ? '"请尽快发货,谢谢"' : '', `${SURNAMES[i % 8]}先生`, `${CITIES[i % 4]} 某某路${i % 300}号`, '快递', '', `'138****${String(i % 10000).padStart(4, '0')}`, date, date, `"夏季新款纯棉T恤 男士,宽松短袖 ${i % 40}"`, '1', `SF${1000000000 + i}`, '顺丰速运', '', String((i % 3) + 1), '12345678', '回头客旗舰店', '订单未关闭', '0', '0元', '', '手机订单', '', '', '否', '否', '否', '', '', '', '', '0', '0', '否'];
  return cells.slice(0, COLUMNS).join(',');
}

function generate(path: string): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let rows = 0;
  writeSync(fd, iconv.encode(`${header()}\r\n`, 'gbk'));
  while (bytes < targetMb * 1e6) {
    const lines: string[] = [];
    for (let k = 0; k < 5000; k++) lines.push(row(rows++));
    const buf = iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
    writeSync(fd, buf);
    bytes += buf.length;
  }
  closeSync(fd);
  return rows;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

async function time(label: string, fn: () => Promise<number>): Promise<number> {
  const runs: number[] = [];
  let count = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    count = await fn();
    runs.push((performance.now() - t0) / 1000);
  }
  const s = median(runs);
  console.log(`${label}: ${s.toFixed(2)} s (runs ${runs.map((x) => x.toFixed(2)).join(', ')}) → ${count} rows`);
  return s;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'huitou-read-bench-'));
  try {
    const path = join(dir, 'orders-gbk.csv');
    const t0 = performance.now();
    const rows = generate(path) + 1;
    const mb = statSync(path).size / 1e6;
    console.log(`generated ${mb.toFixed(1)} MB, ${rows} rows × ${COLUMNS} columns in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const baseline = await time('baseline Buffer read + TextDecoder(gb18030)', async () => {
      const text = new TextDecoder('gb18030').decode(readFileSync(path));
      return text.length > 0 ? 0 : -1;
    });
    const issues: ImportIssue[] = [];
    const viaRows = await time('openTables().rows() (decode + parse, one await per row)', async () => {
      const [table] = await openTables(path);
      let n = 0;
      for await (const r of table!.rows(issues)) n += r.cells.length === COLUMNS ? 1 : 0;
      return n;
    });
    const viaBatches = await time('csvRowBatches (decode + parse, batched)', async () => {
      let n = 0;
      const opts = { path, file: 'orders-gbk.csv', encoding: 'gb18030' as const, bomLength: 0, limits: resolveLimits() };
      for await (const batch of csvRowBatches(opts, issues)) n += batch.length;
      return n;
    });
    if (issues.length > 0) console.log(`unexpected issues: ${issues.length}`);
    for (const [label, s] of [['rows()', viaRows], ['batches', viaBatches]] as const) {
      console.log(`${label}: ${(mb / s).toFixed(0)} MB/s, ${(rows / s).toFixed(0)} rows/s, ${(baseline / s).toFixed(2)}× the decode-only baseline speed`);
    }
    console.log(`baseline: ${(mb / baseline).toFixed(0)} MB/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
