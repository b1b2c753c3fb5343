// Hand-written DuckDB SQL through DuckDB's own Node client, on the CxReports warehouse opened read-only.
// node duckdb_sql.mjs WAREHOUSE QUERY ZONE FORM   (QUERY: month_channel | channel; FORM: epoch | timezone)
// epoch:    local time as make_timestamp(epoch_us(t) + offset), the zone keeping one offset over the period;
// timezone: local time as timezone(zone, t), which goes through ICU for every row.
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { offsetOf, offsetSuffix, period, report } from './queries.mjs';

const [warehouse, query, zone, form] = process.argv.slice(2);
const instance = await DuckDBInstance.create(warehouse, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();

const local = form === 'epoch'
  ? `make_timestamp(epoch_us(responded_at) + ${offsetOf(zone)})`
  : `timezone('${zone}', responded_at)`;
const month = `strftime(date_trunc('month', ${local}), '%Y-%m-%d') AS month, `;
const sql = `
  SELECT ${query === 'month_channel' ? month : ''}channel,
    100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*) AS nps
  FROM responses
  WHERE responded_at >= TIMESTAMPTZ '${period.from} 00:00:00${offsetSuffix(zone)}'
    AND responded_at < TIMESTAMPTZ '${period.next} 00:00:00${offsetSuffix(zone)}'
  GROUP BY ALL`;

const started = performance.now();
const result = await connection.runAndReadAll(sql);
const engineMs = performance.now() - started;
report(result.getRows(), engineMs);
connection.closeSync();
instance.closeSync();
