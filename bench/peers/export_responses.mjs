// The survey answers pandas reads: taken from the CxReports warehouse (read-only) so every contender has the same
// rows, as epoch microseconds, channel and score (the columns the queries use), into a CSV.
// node export_responses.mjs WAREHOUSE OUT.csv
import { DuckDBInstance } from '@duckdb/node-api';

const [warehouse, out] = process.argv.slice(2);
const instance = await DuckDBInstance.create(warehouse, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const path = out.replaceAll("'", "''");
await connection.run(`COPY (SELECT epoch_us(responded_at) AS t, channel, score FROM responses) TO '${path}' (HEADER)`);
connection.closeSync();
instance.closeSync();
