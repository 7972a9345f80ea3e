/** Benchmark baseline: DuckDB's own read_csv of a UTF-8 file into a table, in a fresh process. */
import { DuckDBInstance } from '@duckdb/node-api';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: duckdb-read-csv FILE');
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const t0 = performance.now();
await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true)`);
const ms = performance.now() - t0;
const rows = (await connection.runAndReadAll('SELECT count(*) AS n FROM t')).getRowObjectsJS()[0]?.['n'];
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: Number(rows) }));
