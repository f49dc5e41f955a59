import { problem } from '../../model/problem';
import { fail, type Result } from '../../model/result';
import { roundedMinor } from '../roundedMinor';

const OFX_AMOUNT = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/**
 * OFX amounts are plain signed decimals (`-34.51`, `+00000000000115.8331`, `12,50` from some
 * European banks); currency symbols or grouping are a malformed file, not something to guess at.
 */
export function parseOfxAmount(
  text: string | undefined,
  currency: string,
  element: string,
): Result<{ minor: number; rounded: boolean }> {
  if (!text) return fail(problem('missing_amount', `<${element}> is missing or empty`, { element }));
  const m = OFX_AMOUNT.exec(text.trim());
  if (!m || (m[2] === '' && !m[3])) {
    return fail(
      problem(
        'invalid_amount',
        `<${element}> "${text}" is not an OFX amount (a plain decimal such as -12.50)`,
        { element },
      ),
    );
  }
  return roundedMinor(m[1] === '-', m[2]!, m[3] ?? '', currency);
}
