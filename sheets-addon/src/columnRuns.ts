/** Runs of adjacent column positions, as [first, count]: one setValues each. */
export function columnRuns(positions: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of [...positions].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === p) last[1]++;
    else out.push([p, 1]);
  }
  return out;
}
