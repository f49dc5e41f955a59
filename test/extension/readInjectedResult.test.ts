import { describe, expect, it } from 'vitest';
import { readInjectedResult } from '../../extension/capture/injectedOptions';

describe("the injected capture's answer", () => {
  it('is read back from the JSON string the content script returns', () => {
    const answer = { ok: true, page: { transactions: [], rows: [] } };
    expect(readInjectedResult(JSON.stringify(answer))).toEqual(answer);
  });

  it('is a failure with a reason when the page gave none or a broken one', () => {
    expect(readInjectedResult(undefined)).toEqual({ ok: false, message: 'the page gave no answer' });
    expect(readInjectedResult('{"ok":tr')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^the page's answer could not be read: /),
    });
  });
});
