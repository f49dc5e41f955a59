import type { sheets_v4 } from '@googleapis/sheets';
import { normalizeHeader } from '../../core/sheet/headerIndex';
import { type ColumnType, type TabDef, type TabName, WORKBOOK_TABS } from '../../core/sheet/workbookLayout';
import { wholeTab } from './a1';
import { type ApiTab, apiTab } from './apiTab';
import type { SheetsGateway } from './sheetsGateway';
import type { ValueWrites } from './valueWrites';

const NUMBER_FORMATS: Partial<Record<ColumnType, sheets_v4.Schema$NumberFormat>> = {
  money: { type: 'NUMBER', pattern: '#,##0.00;-#,##0.00' },
  date: { type: 'DATE', pattern: 'yyyy-mm-dd' },
  percent: { type: 'PERCENT', pattern: '0%' },
  number: { type: 'NUMBER', pattern: '0' },
};

const NEW_ROWS = 1000;

/** A new tab with its header styled, frozen and protected (warning only) and its number formats. */
function newTabRequests(tab: TabDef, sheetId: number): sheets_v4.Schema$Request[] {
  const columnCount = Math.max(26, tab.columns.length);
  return [
    {
      addSheet: {
        properties: {
          sheetId,
          title: tab.name,
          gridProperties: { rowCount: NEW_ROWS, columnCount, frozenRowCount: 1 },
        },
      },
    },
    {
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: 0,
          endColumnIndex: tab.columns.length,
        },
        cell: {
          userEnteredFormat: {
            textFormat: { bold: true },
            backgroundColor: { red: 0.91, green: 0.918, blue: 0.929 },
          },
        },
        fields: 'userEnteredFormat(textFormat,backgroundColor)',
      },
    },
    ...tab.columns.flatMap((column, i) => {
      const numberFormat = NUMBER_FORMATS[column.type];
      if (!numberFormat) return [];
      return [
        {
          repeatCell: {
            range: { sheetId, startRowIndex: 1, startColumnIndex: i, endColumnIndex: i + 1 },
            cell: { userEnteredFormat: { numberFormat } },
            fields: 'userEnteredFormat.numberFormat',
          },
        },
      ];
    }),
    {
      addProtectedRange: {
        protectedRange: {
          range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
          description: `Ledgerbridge: ${tab.name} header`,
          warningOnly: true,
        },
      },
    },
  ];
}

/**
 * Makes sure every workbook tab exists (created like the add-on's Set up) and reads every tab
 * once. Layout columns a header lacks are added after its last column: the returned tabs already
 * show them, and their header cells are queued on `writes`, to go out with the data.
 */
export async function ensureApiLayout(
  gateway: SheetsGateway,
  writes: ValueWrites,
): Promise<Map<TabName, ApiTab>> {
  const info = await gateway.spreadsheet();
  const existing = new Map((info.sheets ?? []).map((s) => [s.properties?.title ?? '', s.properties!]));
  const usedIds = new Set([...existing.values()].map((p) => p.sheetId ?? 0));
  let nextId = 1;
  const created = new Map<string, number>();
  const requests: sheets_v4.Schema$Request[] = [];
  for (const tab of WORKBOOK_TABS) {
    if (existing.has(tab.name)) continue;
    while (usedIds.has(nextId)) nextId++;
    usedIds.add(nextId);
    created.set(tab.name, nextId);
    requests.push(...newTabRequests(tab, nextId));
  }
  // Adding a tab twice fails: this one request is not retried.
  if (requests.length > 0) await gateway.update(requests, false);

  const read = await gateway.readValues(WORKBOOK_TABS.map((t) => wholeTab(t.name)));
  const tabs = new Map<TabName, ApiTab>();
  const headerWrites: Array<{ tab: TabName; column: number; headers: string[] }> = [];
  const resize: sheets_v4.Schema$Request[] = [];
  WORKBOOK_TABS.forEach((def, i) => {
    const props = existing.get(def.name);
    const grid = {
      sheetId: props?.sheetId ?? created.get(def.name)!,
      rowCount: props?.gridProperties?.rowCount ?? NEW_ROWS,
      columnCount: props?.gridProperties?.columnCount ?? Math.max(26, def.columns.length),
    };
    const values = (read.valueRanges?.[i]?.values ?? []) as unknown[][];
    const header = [...(values[0] ?? [])];
    let used = 0;
    header.forEach((cell, at) => {
      if (normalizeHeader(cell) !== '') used = at + 1;
    });
    const have = new Set(header.map(normalizeHeader));
    const missing = def.columns.filter((c) => !have.has(normalizeHeader(c.header)));
    if (missing.length > 0) {
      header.length = used;
      header.push(...missing.map((c) => c.header));
      headerWrites.push({ tab: def.name, column: used + 1, headers: missing.map((c) => c.header) });
      if (header.length > grid.columnCount) {
        grid.columnCount = header.length;
        resize.push({
          updateSheetProperties: {
            properties: { sheetId: grid.sheetId, gridProperties: { columnCount: header.length } },
            fields: 'gridProperties.columnCount',
          },
        });
      }
    }
    tabs.set(def.name, apiTab(def.name, grid, [header, ...values.slice(1)], def.columns));
  });
  // Setting a size is idempotent: safe to retry.
  if (resize.length > 0) await gateway.update(resize, true);
  for (const h of headerWrites) writes.add(tabs.get(h.tab)!, 1, h.column, [h.headers]);
  return tabs;
}
