import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorEnv } from './emulatorEnv';
import { zonedParts } from './zonedTime';

const DigestAlgorithm = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_512: 'sha512' } as const;
const Charset = { UTF_8: 'utf8', US_ASCII: 'ascii' } as const;

/** Apps Script hands bytes to scripts as Java bytes: integers from -128 to 127. */
const toJavaBytes = (buffer: Buffer) => Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
const fromData = (data: string | number[]) =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 255));

/** `SimpleDateFormat` patterns the add-on uses: yyyy MM dd HH mm ss and quoted literals. */
function formatDate(ms: number, timeZone: string, pattern: string): string {
  const p = zonedParts(ms, timeZone);
  const fields: Record<string, number> = {
    y: p.year,
    M: p.month,
    d: p.day,
    H: p.hour,
    m: p.minute,
    s: p.second,
  };
  return pattern.replace(/'([^']*)'|([yMdHms])\2*/g, (token, literal: string | undefined, letter: string) => {
    if (literal !== undefined) return literal;
    const value = fields[letter]!;
    return String(value).padStart(token.length === 2 || letter === 'y' ? token.length : 1, '0');
  });
}

export function fakeUtilities(env: EmulatorEnv) {
  return {
    DigestAlgorithm,
    Charset,
    computeDigest(algorithm: string, value: string | number[], _charset?: string) {
      env.call('Utilities.computeDigest');
      return toJavaBytes(createHash(algorithm).update(fromData(value)).digest());
    },
    base64Encode(data: string | number[]) {
      env.call('Utilities.base64Encode');
      return fromData(data).toString('base64');
    },
    base64Decode(encoded: string) {
      env.call('Utilities.base64Decode');
      return toJavaBytes(Buffer.from(encoded, 'base64'));
    },
    formatDate(date: Date, timeZone: string, pattern: string) {
      env.call('Utilities.formatDate');
      return formatDate(date.getTime(), timeZone, pattern);
    },
    getUuid() {
      env.call('Utilities.getUuid');
      return randomUUID();
    },
  };
}
