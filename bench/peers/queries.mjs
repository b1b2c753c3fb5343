// The peers' common ground: the period, the zones and the two queries, as bench/peers/run.sh runs them.

/** The period of every query: two years of local days, 2024-11-01 .. 2026-10-31 (24 months × 6 channels = 144 values). */
export const period = { from: '2024-11-01', to: '2026-10-31', next: '2026-11-01' };

/**
 * The zones compared and their UTC offset over the whole period, in microseconds. The epoch-offset SQL needs one
 * offset per zone over the period: true of UTC, and of Europe/Istanbul since it kept UTC+3 all year from 2016 on.
 */
export const zoneOffsets = { 'UTC': 0, 'Europe/Istanbul': 10_800_000_000 };

export function offsetOf(zone) {
  if (!(zone in zoneOffsets)) throw new Error(`no fixed offset known for ${zone}: the epoch-offset SQL needs one`);
  return zoneOffsets[zone];
}

/** '+03:00' for a TIMESTAMPTZ literal of the zone's local midnight. */
export function offsetSuffix(zone) {
  const minutes = offsetOf(zone) / 60_000_000;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Prints one contender's answer: rows as [month?, channel, nps] and how long the query took inside the process. */
export function report(rows, engineMs) {
  process.stdout.write(JSON.stringify({ engineMs, rows }) + '\n');
}
