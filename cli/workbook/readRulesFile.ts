import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError, LedgerbridgeError } from '../../core/model/errors';
import { type Problem, problem } from '../../core/model/problem';
import { parseRule, type Rule } from '../../core/model/rule';
import { jsonSyntaxProblem } from './jsonSyntaxProblem';

/**
 * Reads a rules file: a JSON array of rules, or `{ "rules": [...] }`. Every rule is validated
 * (older rule versions migrated); any bad rule stops the run with problems naming the file,
 * the rule's position and the field.
 */
export async function readRulesFile(path: string): Promise<Rule[]> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LedgerbridgeError(
      `${path}: cannot read the rules file (${(error as Error).message})`,
      'unreadable_file',
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError([jsonSyntaxProblem(text, error, file)], {
      cause: error,
    });
  }
  const list = Array.isArray(json) ? json : (json as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) {
    throw new InputError([
      problem('invalid_rules_file', 'expected a JSON array of rules or { "rules": [...] }', { file }),
    ]);
  }
  const rules: Rule[] = [];
  const problems: Problem[] = [];
  list.forEach((raw, i) => {
    const parsed = parseRule(raw);
    if (parsed.ok) rules.push(parsed.value);
    else
      problems.push(
        ...parsed.problems.map((p) => ({ ...p, file, row: i + 1, path: ['rules', i, ...p.path] })),
      );
  });
  if (problems.length > 0) throw new InputError(problems);
  return rules;
}
