import { describeProblem, type Problem } from '../../core/model/problem';
import type { Services } from './services';

const SHOWN = 20;

/** Tells the bookkeeper what went wrong, in the problems' own words (the first few of them). */
export function showProblems(services: Services, problems: readonly Problem[]): void {
  const lines = problems.slice(0, SHOWN).map(describeProblem);
  if (problems.length > SHOWN) lines.push(`… and ${problems.length - SHOWN} more`);
  services.SpreadsheetApp.getUi().alert(lines.join('\n'));
}
