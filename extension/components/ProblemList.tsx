import { describeProblem, type Problem } from '../../core/model/problem';

/** What failed, in words, announced to screen readers. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" class="problems">
      <ul>
        {problems.map((p) => (
          <li key={`${p.code}${p.message}`}>{describeProblem(p)}</li>
        ))}
      </ul>
    </div>
  );
}
