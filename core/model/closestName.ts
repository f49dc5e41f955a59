/** Edit distance with adjacent transpositions (`catgory` → `category` is 1, `enalbed` → `enabled` is 1). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known name a mistyped one most likely meant (`enable` → `enabled`), or undefined when none
 * is close: at most a third of the name's letters may differ, case and separators aside.
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const t = fold(typed);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const d = editDistance(t, fold(name));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(t.length / 3)) ? best : undefined;
}

/** ` (did you mean "enabled"?)`, or nothing when no known name is close. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const close = closestName(typed, known);
  return close ? ` (did you mean "${close}"?)` : '';
}
