import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { accountFromFileName } from '../../core/formats/accountFromFileName';
import { decodeText } from '../../core/formats/charset/decodeText';
import { streamBankCsv } from '../../core/formats/csv/streamBankCsv';
import { detectFormat } from '../../core/formats/detectFormat';
import type { ImportOptions } from '../../core/formats/importTypes';
import { InputError } from '../../core/model/errors';
import { describeProblem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import type { Io } from '../command';

/** Files at least this large are streamed (bank CSVs only); smaller ones are read whole. */
export const STREAM_BYTES = 8 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/** The first bytes, cut after the last line feed so no character is split. */
async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytesRead < HEAD_BYTES) return bytes;
    let cut = bytes.lastIndexOf(0x0a) + 1;
    if (cut > 0 && cut % 2 === 1 && bytes[cut] === 0) cut++; // UTF-16LE: keep the pair whole
    return cut > 0 ? bytes.subarray(0, cut) : bytes;
  } finally {
    await handle.close();
  }
}

/** Whether the whole file is valid UTF-8, checked as a stream (as decodeText checks the whole text). */
async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

async function* decodedChunks(path: string, charset: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(charset);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    yield decoder.decode(chunk as Buffer, { stream: true });
  yield decoder.decode();
}

const write = (io: Io, text: string): Promise<void> | undefined => {
  const stream = io.stdout as { write(text: string): unknown; once?: (e: string, f: () => void) => void };
  if (stream.write(text) !== false || !stream.once) return undefined;
  return new Promise((resolve) => stream.once!('drain', resolve));
};

/**
 * `import` of one large bank CSV in bounded memory: decoded in chunks, read by streamBankCsv and
 * printed element by element: the same JSON array the whole-file path prints, one transaction
 * per line. Returns
 * undefined when the file is small or not a bank CSV, for the whole-file path to read it.
 */
export async function streamImport(
  name: string,
  path: string,
  options: ImportOptions,
  io: Io,
  asJson: (t: Transaction) => unknown,
): Promise<number | undefined> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  if (size < STREAM_BYTES) return undefined;
  const head = readHead(path);
  const { text, charset: sniffed } = decodeText(await head);
  const format = options.csvMapping ? 'bank-csv' : detectFormat(name, text);
  if (format !== 'bank-csv') return undefined;
  const charset = sniffed === 'utf-8' && !(await isUtf8(path)) ? 'windows-1252' : sniffed;
  // The account as importFiles decides it for one file: the option, else the file name.
  const account = options.account ?? accountFromFileName(name)?.name;
  const streamOptions = account !== undefined ? { ...options, account } : options;
  let first = true;
  const result = await streamBankCsv(
    decodedChunks(path, charset),
    { file: name, capturedAt: options.capturedAt ?? new Date().toISOString(), options: streamOptions },
    (t) => {
      // One transaction per line: the same JSON array, without the indentation that would
      // double the output of a file of millions of rows.
      const text = `${first ? '[\n' : ',\n'}${JSON.stringify(asJson(t))}`;
      first = false;
      return write(io, text);
    },
  );
  if (!result.ok) throw new InputError(result.problems);
  for (const w of result.value.warnings)
    io.stderr.write(`ledgerbridge import: warning: ${describeProblem(w)}\n`);
  await write(io, first ? '[]\n' : '\n]\n');
  return 0;
}
