import * as z from 'zod';
import { didYouMean } from './closestName';
import { isCurrencyCode } from './currency';
import { type Problem, problem } from './problem';
import { fail, ok, type Result } from './result';
import { compileSafeRegex } from './safeRegex';
import { TransactionKind, TransactionStatus } from './transaction';

/**
 * A categorization rule: serializable data, validated when built (Actual Budget's model). It is
 * typed by a bookkeeper into a sheet row, so every problem has a machine-readable code and names
 * the field. Version 2 is current; version 1 rules are migrated on read (see migrateRuleV1).
 */
export const RULE_SCHEMA_VERSION = 2;

export const RuleStage = z.enum(['pre', 'default', 'post']);
export type RuleStage = z.infer<typeof RuleStage>;

export const TEXT_FIELDS = [
  'description',
  'payee',
  'account',
  'institution',
  'kind',
  'currency',
  'status',
  'category',
] as const;
export const TextField = z.enum(TEXT_FIELDS);
export type TextField = z.infer<typeof TextField>;

export const TextOp = z.enum(['is', 'contains', 'startsWith', 'oneOf', 'matches']);
export type TextOp = z.infer<typeof TextOp>;

/** Decimal amounts in rules, in major units ("-12.50"); at most 4 decimals (the largest ISO exponent). */
export const RuleDecimal = z
  .string()
  .regex(/^-?\d{1,13}(\.\d{1,4})?$/, 'expected a decimal amount such as "-12.50" (at most 4 decimals)');

/**
 * Text conditions compare case-insensitively. `contains` and `startsWith` take one value or a list
 * (any of them); `oneOf` takes a list; `matches` takes a pattern for the linear-time engine.
 */
export const TextCondition = z
  .strictObject({
    field: TextField,
    op: TextOp,
    value: z.union([z.string(), z.array(z.string())]),
    not: z.boolean().optional(),
  })
  .superRefine((c, ctx) => checkText(c, issuesTo(ctx)));
export type TextCondition = z.infer<typeof TextCondition>;

export const AmountCondition = z
  .strictObject({
    field: z.literal('amount'),
    /** Signed comparisons (negative = money out); `inflow` / `outflow` take no value. */
    op: z.enum(['is', 'between', 'gt', 'gte', 'lt', 'lte', 'inflow', 'outflow']),
    value: RuleDecimal.optional(),
    min: RuleDecimal.optional(),
    max: RuleDecimal.optional(),
    not: z.boolean().optional(),
  })
  .superRefine((c, ctx) => checkRange(c, issuesTo(ctx)));
export type AmountCondition = z.infer<typeof AmountCondition>;

const RuleDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const DateCondition = z
  .strictObject({
    field: z.literal('date'),
    /** `between` is inclusive; `before` / `after` are strict. */
    op: z.enum(['is', 'between', 'before', 'after', 'onOrBefore', 'onOrAfter']),
    value: RuleDate.optional(),
    min: RuleDate.optional(),
    max: RuleDate.optional(),
    not: z.boolean().optional(),
  })
  .superRefine((c, ctx) => checkRange(c, issuesTo(ctx)));
export type DateCondition = z.infer<typeof DateCondition>;

/** `all` / `any` of nested conditions, for the cases one conditionsOp cannot say. */
export type GroupCondition = { field: 'all' | 'any'; conditions: Condition[]; not?: boolean | undefined };
export type Condition = TextCondition | AmountCondition | DateCondition | GroupCondition;

export const GroupCondition: z.ZodType<GroupCondition> = z.strictObject({
  field: z.enum(['all', 'any']),
  get conditions() {
    return z.array(Condition);
  },
  not: z.boolean().optional(),
});

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('field', [
    TextCondition,
    AmountCondition,
    DateCondition,
    GroupCondition as z.ZodType<GroupCondition> & typeof TextCondition,
  ]),
);

export const SplitPart = z.strictObject({
  category: z.string().trim().min(1),
  /** Percent of the amount (0 < p ≤ 100, at most 4 decimals); the parts' percents sum to 100. */
  percent: z.number().optional(),
  /** A fixed amount in major units, positive; it takes the transaction's sign. */
  amount: RuleDecimal.optional(),
  note: z.string().optional(),
});
export type SplitPart = z.infer<typeof SplitPart>;

export const Action = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setCategory'), category: z.string().trim().min(1) }),
  z.strictObject({ type: z.literal('setPayee'), payee: z.string().trim().min(1) }),
  z.strictObject({ type: z.literal('addTags'), tags: z.array(z.string().trim().min(1)).min(1) }),
  z.strictObject({ type: z.literal('markTransfer') }),
  z.strictObject({ type: z.literal('appendNote'), note: z.string().trim().min(1) }),
  z
    .strictObject({
      type: z.literal('split'),
      /** All parts by percent, or all by fixed amount with `remainder` taking what is left. */
      parts: z.array(SplitPart).min(1),
      remainder: z.string().trim().min(1).optional(),
    })
    .superRefine((a, ctx) => checkSplit(a, issuesTo(ctx))),
]);
export type Action = z.infer<typeof Action>;
export type SplitAction = Extract<Action, { type: 'split' }>;

export const Rule = z.strictObject({
  schemaVersion: z.literal(RULE_SCHEMA_VERSION).default(RULE_SCHEMA_VERSION),
  id: z.string().trim().min(1, 'a rule needs an id').max(200),
  name: z.string().trim().optional(),
  stage: RuleStage.default('default'),
  /** Lower runs first within a stage; ties are broken by id. */
  rank: z.number().refine(Number.isFinite, 'expected a finite number').default(0),
  /** When the rule matches, no later rule runs on that transaction. */
  stop: z.boolean().optional(),
  conditionsOp: z.enum(['and', 'or']).default('and'),
  conditions: z.array(Condition),
  actions: z.array(Action).min(1, 'a rule needs at least one action'),
  enabled: z.boolean().default(true),
});
export type Rule = z.infer<typeof Rule>;

const ENUM_VALUES: Partial<Record<TextField, readonly string[]>> = {
  kind: TransactionKind.options,
  status: TransactionStatus.options,
};

type Add = (code: string, message: string, path: Array<string | number>) => void;

/** Checks zod's shapes cannot express become custom issues carrying a machine-readable code. */
function issuesTo(ctx: z.RefinementCtx): Add {
  return (code, message, path) => ctx.addIssue({ code: 'custom', message, path, params: { code } });
}

/** Values per operator, enum values, and regexes the linear-time engine can run. */
function checkText(c: TextCondition, add: Add) {
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if (c.op === 'oneOf' && !Array.isArray(c.value)) {
    add('expected_list', `${c.field} "one of" needs a list of values`, ['value']);
  } else if ((c.op === 'is' || c.op === 'matches') && Array.isArray(c.value)) {
    add('expected_single_value', `${c.field} "${c.op}" takes one value, not a list`, ['value']);
  }
  if (values.length === 0) add('empty_value', `${c.field} "${c.op}" needs at least one value`, ['value']);
  values.forEach((v, i) => {
    const at = Array.isArray(c.value) ? ['value', i] : ['value'];
    if (v.trim() === '') add('empty_value', `${c.field} "${c.op}" has an empty value`, at);
    else if (c.op === 'matches') {
      const compiled = compileSafeRegex(v);
      if (!compiled.ok)
        add(compiled.problems[0]!.code, `${c.field} pattern: ${compiled.problems[0]!.message}`, at);
    } else if (c.op === 'is' || c.op === 'oneOf') {
      const allowed = ENUM_VALUES[c.field];
      if (allowed && !allowed.includes(v.toLowerCase())) {
        add(`invalid_${c.field}`, `${c.field} "${v}" is not one of ${allowed.join(', ')}`, at);
      }
      if (c.field === 'currency' && !isCurrencyCode(v.toUpperCase())) {
        add('invalid_currency', `currency "${v}" is not an ISO 4217 code such as USD`, at);
      }
    }
  });
}

function checkRange(
  c: {
    field: 'amount' | 'date';
    op: string;
    value?: string | undefined;
    min?: string | undefined;
    max?: string | undefined;
  },
  add: Add,
) {
  const field = c.field;
  if (c.op === 'between') {
    if (c.min === undefined) add('missing_value', `${field} "between" needs min`, ['min']);
    if (c.max === undefined) add('missing_value', `${field} "between" needs max`, ['max']);
    if (c.min !== undefined && c.max !== undefined) {
      const inOrder = field === 'amount' ? Number(c.min) <= Number(c.max) : c.min <= c.max;
      if (!inOrder) add('range_out_of_order', `${field} "between": min ${c.min} is above max ${c.max}`, []);
    }
  } else if (c.op === 'inflow' || c.op === 'outflow') {
    if (c.value !== undefined) add('unexpected_value', `amount "${c.op}" takes no value`, ['value']);
  } else if (c.value === undefined) {
    add('missing_value', `${field} "${c.op}" needs a value`, ['value']);
  }
}

/** Percent in units of 1/10,000 of a percent, or undefined when it has more than 4 decimals. */
export function percentUnits(percent: number): number | undefined {
  const units = Math.round(percent * 10_000);
  return Math.abs(units - percent * 10_000) < 1e-6 ? units : undefined;
}

function checkSplit(a: { parts: SplitPart[]; remainder?: string | undefined }, add: Add) {
  const byPercent = a.parts.filter((p) => p.percent !== undefined).length;
  const byAmount = a.parts.filter((p) => p.amount !== undefined).length;
  a.parts.forEach((p, i) => {
    if ((p.percent === undefined) === (p.amount === undefined)) {
      add('split_part_shape', `split part ${i + 1} needs either a percent or an amount`, ['parts', i]);
    }
  });
  if (byPercent > 0 && byAmount > 0) {
    add('split_mixed', 'a split is either all by percent or all by amount', ['parts']);
    return;
  }
  if (byPercent > 0) {
    let total = 0;
    a.parts.forEach((p, i) => {
      const units = p.percent === undefined ? undefined : percentUnits(p.percent);
      if (units === undefined || units <= 0 || units > 1_000_000) {
        add(
          'invalid_percent',
          `split part ${i + 1}: percent must be above 0, at most 100, with at most 4 decimals`,
          ['parts', i, 'percent'],
        );
      } else total += units;
    });
    const allValid = a.parts.every((p) => p.percent !== undefined && percentUnits(p.percent) !== undefined);
    if (total !== 1_000_000 && allValid) {
      add('split_percent_sum', `split percents sum to ${total / 10_000}, not 100`, ['parts']);
    }
    if (a.remainder !== undefined) {
      add('unexpected_value', 'a split by percent has no remainder', ['remainder']);
    }
  }
  if (byAmount > 0) {
    a.parts.forEach((p, i) => {
      if (p.amount !== undefined && !(Number(p.amount) > 0)) {
        add('invalid_amount', `split part ${i + 1}: amount must be above 0`, ['parts', i, 'amount']);
      }
    });
    if (a.remainder === undefined) {
      add('missing_value', 'a split by amount needs a remainder category for what is left', ['remainder']);
    }
  }
}

/** Version 1, as stored before stages and typed actions existed (Actual-style `set` actions). */
const RuleV1 = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  name: z.string().trim().optional(),
  rank: z.number().optional(),
  stop: z.boolean().optional(),
  conditionsOp: z.enum(['and', 'or']).optional(),
  conditions: z.array(z.record(z.string(), z.unknown())),
  actions: z.array(
    z.object({
      op: z.enum(['set', 'add-tags', 'append-note']),
      field: z.string().optional(),
      value: z.unknown(),
    }),
  ),
  enabled: z.boolean().optional(),
});

/**
 * v1 → v2: no stages (all `default`); actions were `{ op: 'set', field, value }`; amount
 * condition values were numbers in major units, now decimal strings so no float survives.
 */
export function migrateRuleV1(input: unknown): Result<unknown> {
  const parsed = RuleV1.safeParse(input);
  if (!parsed.success) return fail(...parsed.error.issues.flatMap((i) => zodIssueProblems(i, input)));
  const v1 = parsed.data;
  const problems: Problem[] = [];
  const decimal = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? toDecimal(v) : v);
  const conditions = v1.conditions.map((c) =>
    c.field === 'amount' ? { ...c, value: decimal(c.value), min: decimal(c.min), max: decimal(c.max) } : c,
  );
  const actions = v1.actions.map((a, i) => {
    if (a.op === 'add-tags') return { type: 'addTags', tags: a.value };
    if (a.op === 'append-note') return { type: 'appendNote', note: a.value };
    switch (a.field) {
      case 'category':
        return { type: 'setCategory', category: a.value };
      case 'payee':
        return { type: 'setPayee', payee: a.value };
      case 'transfer':
        return { type: 'markTransfer' };
      default:
        problems.push(
          problem('unknown_action', `version 1 action "set ${a.field}" has no equivalent`, {
            path: ['actions', i, 'field'],
            field: `actions.${i}.field`,
          }),
        );
        return undefined;
    }
  });
  if (problems.length > 0) return fail(...problems);
  return ok({ ...v1, schemaVersion: RULE_SCHEMA_VERSION, stage: 'default', conditions, actions });
}

/** Numbers from v1 become exact decimal strings (at most 4 decimals, as rules allow). */
function toDecimal(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** Field names each kind of object in a rule knows, for suggesting what a mistyped one meant. */
const KNOWN_KEYS: Record<'rule' | 'conditions' | 'actions' | 'parts', readonly string[]> = {
  rule: Object.keys(Rule.shape),
  conditions: [
    ...new Set([
      ...Object.keys(TextCondition.shape),
      ...Object.keys(AmountCondition.shape),
      ...Object.keys(DateCondition.shape),
      'conditions',
    ]),
  ],
  actions: [...new Set(Action.options.flatMap((o) => Object.keys(o.shape)))],
  parts: Object.keys(SplitPart.shape),
};

function knownKeysAt(path: ReadonlyArray<string | number>): readonly string[] {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (key === 'conditions' || key === 'actions' || key === 'parts') return KNOWN_KEYS[key];
  }
  return KNOWN_KEYS.rule;
}

/** Codes a sheet can act on: a missing field, an empty one, an unknown choice, a wrong type. */
function zodIssueProblems(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  const field = path.map(String).join('.') || undefined;
  if (issue.code === 'unrecognized_keys') {
    // A mistyped field (`enable`, `catgory`) would otherwise be dropped and the rule run without it.
    return issue.keys.map((key) => {
      const at = field ? `${field}.${key}` : key;
      return problem('unknown_field', `${at}: unknown field "${key}"${didYouMean(key, knownKeysAt(path))}`, {
        path: [...path, key],
        field: at,
      });
    });
  }
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(input, path) === undefined;
  if (missing)
    return [problem('missing_value', `${field ?? 'rule'}: required`, { path, ...(field ? { field } : {}) })];
  let code: string;
  if (issue.code === 'custom') code = (issue.params as { code?: string } | undefined)?.code ?? 'invalid_rule';
  else if (issue.code === 'too_small' && issue.origin === 'string') code = 'empty_value';
  else if (issue.code === 'invalid_union' || issue.code === 'invalid_value') code = 'invalid_choice';
  else code = issue.code;
  const message = field ? `${field}: ${issue.message}` : issue.message;
  return [problem(code, message, { path, ...(field ? { field } : {}) })];
}

/** Deeper groups than any bookkeeper writes; the bound keeps validation and matching off the call stack's limit. */
export const MAX_CONDITION_DEPTH = 32;

/**
 * Finds condition groups nested deeper than MAX_CONDITION_DEPTH without recursing (the input may
 * be thousands of levels deep), so a hostile rule is refused by name instead of overflowing the stack.
 */
function tooDeep(input: unknown): Problem | undefined {
  const stack: Array<{ value: unknown; depth: number; path: Array<string | number> }> = [
    { value: input, depth: 0, path: [] },
  ];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const conditions = (value as { conditions?: unknown }).conditions;
    if (!Array.isArray(conditions)) continue;
    if (depth >= MAX_CONDITION_DEPTH) {
      const id = (input as { id?: unknown }).id;
      const field = path.map(String).join('.');
      return problem(
        'too_deep',
        `${typeof id === 'string' ? `rule "${id}"` : 'the rule'}: condition groups nest more than ${MAX_CONDITION_DEPTH} levels deep (at ${field}); flatten the groups`,
        { path, field },
      );
    }
    conditions.forEach((c, i) => {
      stack.push({ value: c, depth: depth + 1, path: [...path, 'conditions', i] });
    });
  }
  return undefined;
}

function valueAt(input: unknown, path: Array<string | number>): unknown {
  let at = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * Validates a rule from outside (a sheet row, a file, storage). Older versions are migrated;
 * missing stage, rank, conditionsOp and enabled take their defaults.
 */
export function parseRule(input: unknown): Result<Rule> {
  let candidate = input;
  if (typeof input === 'object' && input !== null && 'schemaVersion' in input) {
    const version = (input as { schemaVersion: unknown }).schemaVersion;
    if (typeof version === 'number' && version > RULE_SCHEMA_VERSION) {
      return fail(
        problem(
          'unsupported_version',
          `rule schemaVersion ${version} is newer than this reader (${RULE_SCHEMA_VERSION})`,
          {
            path: ['schemaVersion'],
            field: 'schemaVersion',
          },
        ),
      );
    }
    if (version === 1) {
      const migrated = migrateRuleV1(input);
      if (!migrated.ok) return migrated;
      candidate = migrated.value;
    }
  }
  const deep = tooDeep(candidate);
  if (deep) return fail(deep);
  const parsed = Rule.safeParse(candidate);
  if (!parsed.success) return fail(...parsed.error.issues.flatMap((i) => zodIssueProblems(i, candidate)));
  return ok(parsed.data);
}
