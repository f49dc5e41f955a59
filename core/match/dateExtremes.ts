/** Latest of some `YYYY-MM-DD` dates ('' for none); ISO dates compare as strings. */
export function latestDate(dates: Iterable<string>): string {
  let latest = '';
  for (const d of dates) if (d > latest) latest = d;
  return latest;
}

/** Earliest of some `YYYY-MM-DD` dates ('' for none). */
export function earliestDate(dates: Iterable<string>): string {
  let earliest = '';
  for (const d of dates) if (earliest === '' || d < earliest) earliest = d;
  return earliest;
}
