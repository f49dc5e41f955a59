import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseA1 } from './a1Notation';
import { coerceCellInput } from './coerceCellInput';
import { DEFAULT_COSTS, EmulatorEnv } from './emulatorEnv';
import type { FakeSheet } from './fakeSheet';
import { FakeSpreadsheet } from './fakeSpreadsheet';

export type LoggedRequest = { method: string; endpoint: string; status: number; body?: unknown };

/**
 * The Sheets v4 endpoints `ledgerbridge push` uses, on 127.0.0.1, over an in-memory spreadsheet:
 * spreadsheets.get, values.batchGet, values.batchUpdate (RAW and USER_ENTERED) and
 * spreadsheets.batchUpdate (addSheet, updateSheetProperties, repeatCell, addProtectedRange).
 * Answers 401 without the expected bearer token; failures can be queued per endpoint.
 */
export async function startFakeSheetsApi(options: { spreadsheetId: string; token: string }) {
  const spreadsheet = new FakeSpreadsheet(
    new EmulatorEnv(DEFAULT_COSTS, 0, (ms) => new Date(ms)),
    options.spreadsheetId,
    'Etc/UTC',
  );
  const log: LoggedRequest[] = [];
  const failures: Array<{ endpoint: string; status: number; after: number }> = [];
  const protectedRanges: Array<{ sheetId: number; description: string; warningOnly: boolean }> = [];
  const formats: Array<{ sheetId: number; fields: string; range: unknown; format: unknown }> = [];

  const sheetOf = (range: string): { sheet: FakeSheet; a1: string | undefined } => {
    const bang = range.lastIndexOf('!');
    const rawName = bang >= 0 ? range.slice(0, bang) : range;
    const name = rawName.startsWith("'") ? rawName.slice(1, -1).replace(/''/g, "'") : rawName;
    const sheet = spreadsheet.sheets.find((s) => s.name === name);
    if (!sheet) throw Object.assign(new Error(`Unable to parse range: ${range}`), { status: 400 });
    return { sheet, a1: bang >= 0 ? range.slice(bang + 1) : undefined };
  };

  const serial = (d: Date) => d.getTime() / 86_400_000 + 25569;
  const readRange = (range: string) => {
    const { sheet, a1 } = sheetOf(range);
    const box = a1
      ? parseA1(a1, sheet.maxRows, sheet.maxColumns)
      : { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    const values: unknown[][] = [];
    for (let r = box.row; r < box.row + box.numRows; r++) {
      const row: unknown[] = [];
      for (let c = box.column; c < box.column + box.numColumns; c++) {
        const cell = sheet.cellAt(r, c);
        row.push(cell ? (cell.value instanceof Date ? serial(cell.value) : cell.value) : '');
      }
      // The API leaves out trailing empty cells and rows.
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      values.push(row);
    }
    while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
    return { range, majorDimension: 'ROWS', ...(values.length > 0 ? { values } : {}) };
  };

  const writeRange = (range: string, values: unknown[][], input: string) => {
    const { sheet, a1 } = sheetOf(range);
    const box = parseA1(a1 ?? 'A1', sheet.maxRows, sheet.maxColumns);
    if (
      box.row + values.length - 1 > sheet.maxRows ||
      box.column + Math.max(0, ...values.map((r) => r.length)) - 1 > sheet.maxColumns
    ) {
      throw Object.assign(new Error(`Range (${range}) exceeds grid limits.`), { status: 400 });
    }
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        const cell = sheet.cell(box.row + r, box.column + c);
        const stored =
          input === 'RAW'
            ? { value: value as string | number | boolean, formula: undefined }
            : coerceCellInput(value, cell.format ?? '', 'Etc/UTC');
        cell.value = stored.value ?? '';
        cell.formula = stored.formula;
      });
    });
    return values.length * Math.max(0, ...values.map((r) => r.length));
  };

  // biome-ignore lint/suspicious/noExplicitAny: a request body as the client sent it
  const applyRequest = (request: Record<string, any>) => {
    if (request.addSheet) {
      const p = request.addSheet.properties;
      if (spreadsheet.sheets.some((s) => s.name === p.title)) {
        throw Object.assign(new Error(`A sheet with the name "${p.title}" already exists.`), { status: 400 });
      }
      const sheet = spreadsheet.insertSheet(p.title);
      Object.defineProperty(sheet, 'sheetId', { value: p.sheetId ?? sheet.sheetId });
      sheet.maxRows = p.gridProperties?.rowCount ?? 1000;
      sheet.maxColumns = p.gridProperties?.columnCount ?? 26;
      sheet.frozenRows = p.gridProperties?.frozenRowCount ?? 0;
      return { addSheet: { properties: { sheetId: sheet.sheetId, title: sheet.name } } };
    }
    const byId = (id: number) => {
      const sheet = spreadsheet.sheets.find((s) => s.sheetId === id);
      if (!sheet) throw Object.assign(new Error(`No grid with id: ${id}`), { status: 400 });
      return sheet;
    };
    if (request.updateSheetProperties) {
      const p = request.updateSheetProperties.properties;
      const sheet = byId(p.sheetId);
      if (p.gridProperties?.rowCount) sheet.maxRows = p.gridProperties.rowCount;
      if (p.gridProperties?.columnCount) sheet.maxColumns = p.gridProperties.columnCount;
      return {};
    }
    if (request.repeatCell) {
      byId(request.repeatCell.range.sheetId);
      formats.push({
        sheetId: request.repeatCell.range.sheetId,
        fields: request.repeatCell.fields,
        range: request.repeatCell.range,
        format: request.repeatCell.cell,
      });
      return {};
    }
    if (request.addProtectedRange) {
      const p = request.addProtectedRange.protectedRange;
      byId(p.range.sheetId);
      protectedRanges.push({
        sheetId: p.range.sheetId,
        description: p.description,
        warningOnly: p.warningOnly,
      });
      return { addProtectedRange: { protectedRange: p } };
    }
    throw Object.assign(new Error(`unsupported request ${Object.keys(request).join(',')}`), { status: 400 });
  };

  // biome-ignore lint/suspicious/noExplicitAny: a request body as the client sent it
  const route = (method: string, url: URL, body: any): { endpoint: string; answer: () => unknown } => {
    const base = `/v4/spreadsheets/${options.spreadsheetId}`;
    const path = decodeURIComponent(url.pathname);
    if (method === 'GET' && path === base) {
      return {
        endpoint: 'spreadsheets.get',
        answer: () => ({
          spreadsheetId: options.spreadsheetId,
          properties: { title: 'Books', timeZone: 'Etc/UTC' },
          sheets: spreadsheet.sheets.map((s, index) => ({
            properties: {
              sheetId: s.sheetId,
              title: s.name,
              index,
              gridProperties: {
                rowCount: s.maxRows,
                columnCount: s.maxColumns,
                frozenRowCount: s.frozenRows,
              },
            },
          })),
        }),
      };
    }
    if (method === 'GET' && path === `${base}/values:batchGet`) {
      return {
        endpoint: 'values.batchGet',
        answer: () => ({
          spreadsheetId: options.spreadsheetId,
          valueRanges: url.searchParams.getAll('ranges').map(readRange),
        }),
      };
    }
    if (method === 'POST' && path === `${base}/values:batchUpdate`) {
      return {
        endpoint: 'values.batchUpdate',
        answer: () => {
          if (!['RAW', 'USER_ENTERED'].includes(body.valueInputOption))
            throw Object.assign(new Error('valueInputOption is required'), { status: 400 });
          const cells = (body.data as Array<{ range: string; values: unknown[][] }>).reduce(
            (n, d) => n + writeRange(d.range, d.values, body.valueInputOption),
            0,
          );
          return { spreadsheetId: options.spreadsheetId, totalUpdatedCells: cells };
        },
      };
    }
    if (method === 'POST' && path === `${base}:batchUpdate`) {
      return {
        endpoint: 'spreadsheets.batchUpdate',
        answer: () => ({ spreadsheetId: options.spreadsheetId, replies: body.requests.map(applyRequest) }),
      };
    }
    return {
      endpoint: `${method} ${path}`,
      answer: () => {
        throw Object.assign(new Error('Not Found'), { status: 404 });
      },
    };
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      ...(status === 429 ? { 'retry-after': '1' } : {}),
    });
    res.end(JSON.stringify(body));
  };
  const error = (status: number, message: string) => ({
    error: { code: status, message, status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'ERROR' },
  });

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { endpoint, answer } = route(req.method ?? 'GET', url, body);
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      endpoint,
      status: 200,
      ...(body ? { body } : {}),
    };
    log.push(entry);
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      entry.status = 401;
      return send(res, 401, error(401, 'Request is missing required authentication credential.'));
    }
    const failure = failures.findIndex((f) => f.endpoint === endpoint);
    if (failure >= 0 && failures[failure]!.after > 0) failures[failure]!.after--;
    else if (failure >= 0) {
      entry.status = failures[failure]!.status;
      failures.splice(failure, 1);
      return send(
        res,
        entry.status,
        error(entry.status, entry.status === 429 ? 'Quota exceeded' : 'Internal error encountered.'),
      );
    }
    try {
      send(res, 200, answer());
    } catch (e) {
      entry.status = (e as { status?: number }).status ?? 500;
      send(res, entry.status, error(entry.status, (e as Error).message));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    spreadsheet,
    log,
    protectedRanges,
    formats,
    /** The next request to this endpoint (after `after` more that succeed) fails with this status. */
    failNext(endpoint: string, status: number, after = 0) {
      failures.push({ endpoint, status, after });
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
