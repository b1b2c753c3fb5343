// Malloy 0.0.431 as a library over DuckDB, reading the CxReports warehouse read-only.
// node malloy.mjs WAREHOUSE QUERY ZONE   (QUERY: month_channel | channel)
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SingleConnectionRuntime } from '@malloydata/malloy';
import { DuckDBConnection } from '@malloydata/db-duckdb';
import { period, report } from './queries.mjs';

const [warehouse, query, zone] = process.argv.slice(2);
const connection = new DuckDBConnection({ name: 'duckdb', databasePath: warehouse, readOnly: true, securityPolicy: 'local', workingDirectory: dirname(warehouse) });
const runtime = new SingleConnectionRuntime({ connection });

const model = `
source: responses is duckdb.table('responses') extend {
  measure: nps is 100.0 * (count() { where: score >= 9 } - count() { where: score <= 6 }) / count()
}`;
const groups = query === 'month_channel' ? '`month` is responded_at.month, channel' : 'channel';
const text = `
run: responses -> {
  timezone: '${zone}'
  where: responded_at >= @${period.from} and responded_at < @${period.next}
  group_by: ${groups}
  aggregate: nps
}`;

const started = performance.now();
const result = await runtime.loadModel(model).loadQuery(text).run({ rowLimit: 1000 });
const engineMs = performance.now() - started;
const rows = result.data.toObject().map(r => query === 'month_channel'
  ? [monthOf(r.month), r.channel, r.nps]
  : [r.channel, r.nps]);
report(rows, engineMs);
await connection.close();

// Malloy returns a month as the instant its local first day begins (or as a date): its local calendar date is wanted.
function monthOf(value) {
  if (typeof value === 'string') return value.slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);
  return parts;
}
