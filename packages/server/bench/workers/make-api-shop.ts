/**
 * Benchmark worker: turns the analysis benchmark's shop (make-analyze-shop) into one a person would browse —
 * invented names, phones, provinces and cities for every customer — then runs the analysis once so the
 * dashboard has labels, KPIs and predictions to read. Prints {ms, maxRssMb}.
 */
import { parseDay } from '@huitou/core';
import { defaultAnalysisOptions } from '../../src/analysis/analysis-options.ts';
import { runAnalysis } from '../../src/analysis/run-analysis.ts';
import { searchTextSql } from '../../src/store/customer-search.ts';
import { openStore } from '../../src/store/open-store.ts';

const [dbPath, asOf, memoryLimit] = process.argv.slice(2);
if (dbPath === undefined || asOf === undefined) throw new Error('usage: make-api-shop DB AS_OF [MEMORY_LIMIT]');
const db = await openStore(memoryLimit === undefined ? { path: dbPath } : { path: dbPath, memoryLimit });
const t0 = performance.now();
const provinces = ['浙江省', '江苏省', '广东省', '上海市', '北京市', '四川省', '山东省', '湖北省'];
const cities = ['杭州市', '南京市', '广州市', '上海市', '北京市', '成都市', '济南市', '武汉市'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const pick = (list: readonly string[], salt: number) => `list_value(${list.map((v) => `'${v}'`).join(', ')})[CAST(1 + hash(customer_id, ${salt}) % ${list.length} AS BIGINT)]`;
await db.run(
  `UPDATE customers SET
     name = ${pick(surnames, 11)} || '顾客' || customer_id,
     phone = '1' || (3 + hash(customer_id, 12) % 7) || lpad(CAST(hash(customer_id, 13) % 1000000000 AS VARCHAR), 9, '0'),
     province = ${pick(provinces, 14)},
     city = ${pick(cities, 14)}`,
);
await db.run(`UPDATE customers SET search_text = ${searchTextSql((f) => f)}`);
await runAnalysis(db, 1, 'Asia/Shanghai', defaultAnalysisOptions(parseDay(asOf)));
db.close();
console.log(JSON.stringify({ ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
