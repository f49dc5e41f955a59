import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type { OAuth2Client } from 'google-auth-library';
import { type RetryPolicy, withRetry } from './withRetry';

export type SheetsAuth = OAuth2Client | sheets_v4.Options['auth'];

export type GatewayOptions = {
  auth: SheetsAuth;
  spreadsheetId: string;
  /** The Sheets API root (tests point it at a local server). */
  rootUrl?: string;
  retry: RetryPolicy;
};

/**
 * The four Sheets v4 calls `push` makes, each with its retry rule. Reads and `values.batchUpdate`
 * (every range absolute) are idempotent and retried; `spreadsheets.batchUpdate` is retried only
 * when the caller says its requests are idempotent (setting properties, not adding tabs).
 */
export function sheetsGateway(options: GatewayOptions) {
  const api = sheets({
    version: 'v4',
    auth: options.auth as sheets_v4.Options['auth'],
    // Retries are ours, so that only idempotent requests are retried.
    retry: false,
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
  });
  const spreadsheetId = options.spreadsheetId;
  const run = <T>(request: () => Promise<{ data: T }>, idempotent: boolean) =>
    withRetry(async () => (await request()).data, idempotent, options.retry);
  return {
    spreadsheet: () =>
      run(
        () =>
          api.spreadsheets.get({
            spreadsheetId,
            fields: 'properties(title,timeZone),sheets(properties(sheetId,title,index,gridProperties))',
          }),
        true,
      ),
    readValues: (ranges: string[]) =>
      run(
        () =>
          api.spreadsheets.values.batchGet({
            spreadsheetId,
            ranges,
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'SERIAL_NUMBER',
          }),
        true,
      ),
    /** RAW: strings are stored as they are, never read as formulas, numbers or dates. */
    writeValues: (data: sheets_v4.Schema$ValueRange[]) =>
      run(
        () =>
          api.spreadsheets.values.batchUpdate({
            spreadsheetId,
            requestBody: { valueInputOption: 'RAW', data },
          }),
        true,
      ),
    update: (requests: sheets_v4.Schema$Request[], idempotent: boolean) =>
      run(() => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }), idempotent),
  };
}

export type SheetsGateway = ReturnType<typeof sheetsGateway>;
