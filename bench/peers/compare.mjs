// Runs the peers on the same answers, checks they agree, then times them in alternating rounds (bench/peers/run.sh).
// node compare.mjs --data DIR --pickle FILE --cxr PATH --bench DLL [--rounds N]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { period } from './queries.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const rounds = Number(args.rounds ?? 7);
const warehouse = join(args.data, 'cxreports.duckdb');
const here = new URL('.', import.meta.url).pathname;
const reports = join(here, '..', '..', 'reports');

const cases = [
  { name: 'NPS by month × channel, UTC', query: 'month_channel', zone: 'UTC', values: 144 },
  { name: 'NPS by month × channel, Europe/Istanbul', query: 'month_channel', zone: 'Europe/Istanbul', values: 144 },
  { name: 'NPS by channel (no month), UTC', query: 'channel', zone: 'UTC', values: 6 },
];

/** Each contender: the command of one process answering one case; its stdout is one JSON object with rows. */
function contenders({ query, zone }) {
  const cxrText = query === 'month_channel' ? 'nps by month, channel' : 'nps by channel';
  const list = [
    { name: 'CxReports `cxr query`', command: [args.cxr, 'query', cxrText, '--from', period.from, '--to', period.to,
      '--timezone', zone, '--format', 'json', '--reports', reports, '--data', args.data] },
    { name: 'CxReports in process (bench)', command: ['dotnet', args.bench, 'peers', args.data, cxrText, period.from, period.to, zone] },
    { name: 'Malloy 0.0.431 + DuckDB', command: ['node', join(here, 'malloy.mjs'), warehouse, query, zone] },
    { name: 'DuckDB SQL, epoch offset', command: ['node', join(here, 'duckdb_sql.mjs'), warehouse, query, zone, 'epoch'] },
    { name: 'DuckDB SQL, timezone()', command: ['node', join(here, 'duckdb_sql.mjs'), warehouse, query, zone, 'timezone'] },
    { name: 'pandas (Debian)', command: ['/usr/bin/python3', join(here, 'pandas_nps.py'), args.pickle, query, zone] },
  ];
  // Without months no row needs local time: the two SQL forms are one statement.
  return query === 'month_channel' ? list : list.filter(c => c.name !== 'DuckDB SQL, timezone()');
}

function load() {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

function runOnce(contender) {
  const [file, ...rest] = contender.command;
  const started = performance.now();
  const child = spawnSync(file, rest, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wholeMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`${contender.name} failed (exit ${child.status}):\n${child.stderr}`);
  const answer = JSON.parse(child.stdout);
  return { wholeMs, engineMs: answer.engineMs, rows: answer.rows, steps: answer };
}

/**
 * Rows as key → value: the last column is the NPS, the others (month, channel) its key. CxReports gives every month ×
 * every channel, null where nobody answered; the peers give only the groups with answers: nulls are left out.
 */
function byKey(rows) {
  return new Map(rows.filter(r => r[r.length - 1] !== null).map(r => [r.slice(0, -1).join(' '), r[r.length - 1]]));
}

function check(kase, answers) {
  const [first, ...others] = answers;
  if (first.rows.length !== kase.values)
    throw new Error(`${kase.name}: ${first.name} gave ${first.rows.length} rows, ${kase.values} expected`);
  const expected = byKey(first.rows);
  for (const other of others) {
    const got = byKey(other.rows);
    if (got.size !== expected.size) throw new Error(`${kase.name}: ${other.name} gave ${got.size} values, ${first.name} ${expected.size}`);
    for (const [key, value] of expected) {
      const theirs = got.get(key);
      if (theirs === undefined || Math.abs(theirs - value) > 1e-9 * Math.max(1, Math.abs(value)))
        throw new Error(`${kase.name}: ${key}: ${first.name} ${value}, ${other.name} ${theirs}`);
    }
  }
}

const median = values => {
  const sorted = values.filter(v => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = v => v === undefined ? '–' : Math.round(v).toLocaleString('en-US');

const tables = [];
for (const kase of cases) {
  const list = contenders(kase);
  const answers = list.map(c => ({ name: c.name, ...runOnce(c) }));
  check(kase, answers);
  console.error(`// ${kase.name}: ${list.length} contenders agree on all ${kase.values} cells (${byKey(answers[0].rows).size} with answers)`);

  const times = new Map(list.map(c => [c.name, { whole: [], engine: [], compile: [], open: [], again: [] }]));
  const loads = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(load());
    // Alternate: each round starts with the next contender, so a change of load falls on all alike.
    const order = list.map((_, i) => list[(i + round) % list.length]);
    for (const contender of order) {
      const { wholeMs, engineMs, steps } = runOnce(contender);
      const t = times.get(contender.name);
      t.whole.push(wholeMs);
      t.engine.push(engineMs);
      t.compile.push(steps.compileMs);
      t.open.push(steps.openMs);
      t.again.push(steps.againMs);
    }
    console.error(`// ${kase.name}: round ${round + 1}/${rounds}, load ${loads[loads.length - 1]}`);
  }
  tables.push({ kase, list, times, loads });
}

console.log(`Medians of ${rounds} alternating rounds; whole process = start to exit, as a user waits; engine = the query`);
console.log('inside the process (data open, model compiled). Period 2024-11-01 .. 2026-10-31, 10.0M answers.');
console.log();
console.log('| query | contender | whole process ms | engine ms | whole / CxReports | load (1 min) |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const { kase, list, times, loads } of tables) {
  const ours = median(times.get(list[0].name).whole);
  for (const contender of list) {
    const t = times.get(contender.name);
    const whole = median(t.whole);
    const inProcess = contender.name.startsWith('CxReports in process')
      ? `${ms(median(t.engine))} (again ${ms(median(t.again))}; before it: compile ${ms(median(t.compile))}, open ${ms(median(t.open))})`
      : ms(median(t.engine));
    const ratio = (whole / ours).toFixed(2);
    console.log(`| ${kase.name} | ${contender.name} | ${ms(whole)} | ${inProcess} | ${ratio} | ${Math.min(...loads)}-${Math.max(...loads)} |`);
  }
}
