import { IdAssigner } from '../../ids/assignIds';
import { problem } from '../../model/problem';
import { fail, type Result } from '../../model/result';
import type { Transaction, TransactionDraft } from '../../model/transaction';
import type { ImportContext } from '../importTypes';
import { BankCsvReader, type BankCsvResult } from './bankCsvReader';
import { CsvMapping } from './csvMapping';
import { createCsvTokenizer, MAX_RECORD_CHARS } from './csvTokenizer';
import { detectDelimiter } from './detectDelimiter';

/** Text gathered before the delimiter is decided. */
const HEAD_CHARS = 64 * 1024;
/** Text tokenized, read and emitted at a time: its records die young, however large the chunks. */
const PIECE_CHARS = 4 * 1024;

/**
 * A bank CSV of any size as a stream of decoded text chunks: the delimiter from the first 64 KB,
 * the plan from the first rows (as importBankCsv), then each record tokenized, read, given its
 * id (the same ids importFile gives) and handed to `emit` one by one. Memory holds one chunk,
 * the first rows and one number per distinct line, never the file. `emit` may return a promise
 * (an output stream's back-pressure); it is awaited.
 */
export async function streamBankCsv(
  chunks: AsyncIterable<string>,
  ctx: ImportContext,
  emit: (t: Transaction) => unknown,
): Promise<Result<BankCsvResult & { count: number }>> {
  const mapping = CsvMapping.safeParse(ctx.options.csvMapping ?? { date: 0 });
  const given = mapping.success ? mapping.data.delimiter : undefined;
  const ids = new IdAssigner(ctx.options.sha256Hex);
  // Rows read since the last flush: given their ids together there (the same ids, in the same order).
  const drafts: TransactionDraft[] = [];
  const out: Transaction[] = [];
  let reader: BankCsvReader | undefined;
  let tokenizer: ReturnType<typeof createCsvTokenizer> | undefined;
  let head = '';
  let lastChar = '';
  let count = 0;

  const flush = async () => {
    ids.all(drafts, out);
    drafts.length = 0;
    for (const t of out) {
      const wait = emit(t);
      if (wait instanceof Promise) await wait;
    }
    count += out.length;
    out.length = 0;
  };
  const start = (text: string) => {
    const delimiter = given ?? detectDelimiter(text);
    reader = new BankCsvReader(ctx, delimiter, (d) => drafts.push(d));
    tokenizer = createCsvTokenizer(delimiter);
  };
  const feed = async (text: string) => {
    for (let i = 0; i < text.length; i += PIECE_CHARS) {
      reader!.add(tokenizer!.push(text.length <= PIECE_CHARS ? text : text.slice(i, i + PIECE_CHARS)));
      // Emitted now, as they are read, unless this text could still end inside a record too long
      // to accept: then none of its rows go out before that refusal (checked below, as always).
      if (tokenizer!.carried + Math.max(0, text.length - i - PIECE_CHARS) <= MAX_RECORD_CHARS) await flush();
    }
    if (tokenizer!.carried > MAX_RECORD_CHARS) {
      return fail(
        problem(
          'record_too_long',
          `a record starting on line ${tokenizer!.carriedLine} runs past ${MAX_RECORD_CHARS / 1024 / 1024} MB: a quoted field that never closes`,
          { file: ctx.file, line: tokenizer!.carriedLine },
        ),
      );
    }
    await flush();
    return undefined;
  };

  for await (const raw of chunks) {
    if (raw.length === 0) continue;
    const chunk = head === '' && !reader ? raw.replace(/^\uFEFF/, '') : raw;
    lastChar = chunk.slice(-1) || lastChar;
    if (!reader) {
      head += chunk;
      if (head.length < HEAD_CHARS) continue;
      start(head);
      const text = head;
      head = '';
      const failed = await feed(text);
      if (failed) return failed;
    } else {
      const failed = await feed(chunk);
      if (failed) return failed;
    }
    if (reader!.failed) return fail(...reader!.failed);
  }
  if (!reader) {
    if (head.trim() === '') return fail(problem('empty_file', 'the file is empty', { file: ctx.file }));
    start(head);
    reader!.add(tokenizer!.push(head));
  }
  const end = tokenizer!.end();
  reader!.add(end.records);
  const result = reader!.finish({
    ...(end.unterminatedQuoteLine !== undefined ? { unterminatedQuoteLine: end.unterminatedQuoteLine } : {}),
    endsWithNewline: lastChar === '\n' || lastChar === '\r',
  });
  await flush();
  return result.ok ? { ok: true, value: { ...result.value, count } } : result;
}
