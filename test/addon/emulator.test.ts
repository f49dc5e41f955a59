import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator/createEmulator';

/** The emulator itself: where it must behave like Apps Script for the add-on's tests to mean anything. */
describe('the Apps Script emulator', () => {
  const fresh = () => {
    const emulator = createEmulator({ timeZone: 'Europe/Berlin' });
    return { ...emulator, sheet: emulator.spreadsheet.insertSheet('T') };
  };

  it('reads strings given to setValues as if typed, unless they start with an apostrophe', () => {
    const { sheet } = fresh();
    sheet
      .getRange('A1:H1')
      .setValues([['=1+1', '+A1', '-x', '00123', '2026-03-01', 'TRUE', "'=1+1", '-12.5']]);
    const cells = sheet.snapshot()[0]!;
    expect(cells.slice(0, 3)).toEqual([{ formula: '=1+1' }, { formula: '=+A1' }, { formula: '=-x' }]);
    // Midnight in the spreadsheet's zone (Berlin is UTC+1 in March).
    expect(cells.slice(3)).toEqual([123, '2026-02-28T23:00:00.000Z', true, '=1+1', -12.5]);
  });

  it('checks shapes and grid bounds like the real Range and Sheet', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      /number of rows in the data does not match/,
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1]])).toThrow(
      /number of columns in the data does not match/,
    );
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1, 27)).toThrow(/outside the dimensions/);
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
    expect(sheet.getRange('B2:D9').getNumRows()).toBe(8);
  });

  it('answers getValues with a 2-D array of the range, blank cells as empty strings', () => {
    const { sheet } = fresh();
    sheet.getRange(2, 2, 1, 2).setValues([['a', 1]]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['', '', ''],
      ['', 'a', 1],
    ]);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
  });

  it('refuses values a strict list validation rejects', () => {
    const emulator = fresh();
    const rule = emulator.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['confirm', 'reject'])
      .setAllowInvalid(false)
      .build();
    emulator.sheet.getRange('A1:A3').setDataValidation(rule);
    expect(() => emulator.sheet.getRange('A1').setValues([['maybe']])).toThrow(
      /violates the data validation rules/,
    );
    emulator.sheet.getRange('A1').setValues([["'confirm"]]);
    expect(emulator.sheet.snapshot()).toEqual([['confirm']]);
  });

  it('counts calls, advances its clock, and notes writes made without the document lock', () => {
    const { env, sheet, globals } = fresh();
    env.resetCounts();
    const before = env.nowMs;
    const earlier = env.unlockedWrites.length; // inserting the tab
    sheet.getRange('A1').setValues([[1]]);
    expect(env.calls.get('Range.setValues')).toBe(1);
    expect(env.nowMs).toBeGreaterThan(before);
    expect(env.unlockedWrites.slice(earlier)).toEqual(['Range.setValues']);
    const lock = globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    sheet.getRange('A1').setValues([[2]]);
    lock.releaseLock();
    expect(env.unlockedWrites.slice(earlier)).toEqual(['Range.setValues']);
    env.lockHolder = 'other';
    expect(lock.tryLock(5000)).toBe(false);
  });

  it('enforces the property quotas and gives Java-style signed digest bytes', () => {
    const { globals } = fresh();
    const props = globals.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow(/too large/);
    const digest = globals.Utilities.computeDigest(globals.Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest[0]).toBe(-70); // 0xba
    expect(
      globals.Utilities.formatDate(
        new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
        'Etc/UTC',
        "yyyy-MM-dd'T'HH:mm:ss",
      ),
    ).toBe('2026-01-02T03:04:05');
  });

  it('refuses a whole setValues when one cell is over 50,000 characters, and keeps notes and fills', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B1').setValues([['a', 'b']]);
    sheet.getRange('A1').setNote('checked').setBackground('#ffff00');
    expect(() => sheet.getRange('A1:B1').setValues([['c', `'${'x'.repeat(50_000)}`]])).toThrow(
      /more than the maximum of 50000 characters in a single cell/,
    );
    expect(sheet.snapshot()).toEqual([['a', 'b']]);
    sheet.getRange('A1:B1').setValues([['c', 'x'.repeat(50_000)]]);
    sheet.getRange('A1:B1').clearContent();
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['checked', '']]);
    expect(sheet.cellAt(1, 1)?.background).toBe('#ffff00');
  });
});
