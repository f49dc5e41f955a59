import { type Problem, problem } from '../../core/model/problem';

/**
 * The refusal of text that is not JSON, naming the line where parsing stopped: from the
 * position the parser gives, else from the excerpt it quotes, else (input ended) the last line.
 */
export function jsonSyntaxProblem(text: string, error: unknown, file: string): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const excerpt = /"(?:\.\.\.)?([^"]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  const offset = at
    ? Number(at[1])
    : /end of JSON input/.test(message)
      ? text.length
      : excerpt && text.indexOf(excerpt) >= 0
        ? text.indexOf(excerpt)
        : 0;
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return problem('invalid_json', `not JSON: ${message}`, { file, line });
}
