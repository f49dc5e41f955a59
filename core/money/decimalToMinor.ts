import { problem } from '../model/problem';
import { fail, type Result } from '../model/result';
import { digitsToMinor } from './digitsToMinor';

/** Reads the wire form ("-1234.50") exactly; nothing else is accepted here. */
export function decimalToMinor(text: string, currency: string): Result<number> {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return fail(problem('invalid_decimal', `"${text}" is not a signed decimal such as "-1234.50"`));
  return digitsToMinor(m[1] === '-', m[2]!, m[3] ?? '', currency);
}
