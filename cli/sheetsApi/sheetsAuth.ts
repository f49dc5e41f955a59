import { GoogleAuth } from 'google-auth-library';
import { LedgerbridgeError } from '../../core/model/errors';
import type { SheetsAuth } from './sheetsGateway';

/** Read and write the spreadsheets the account can open (the key's service account must be shared on the sheet). */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** A service account key file (JSON from the Google Cloud console). */
export function serviceAccountAuth(keyFile: string): SheetsAuth {
  return new GoogleAuth({ keyFile, scopes: [SHEETS_SCOPE] });
}

/** Application Default Credentials (`gcloud auth application-default login`, or the environment's). */
export function applicationDefaultAuth(): SheetsAuth {
  return new GoogleAuth({ scopes: [SHEETS_SCOPE] });
}

/**
 * Gets an access token once before any request, so a missing or broken key file, or a refused
 * authorization, is reported as such rather than as a failed Sheets request.
 */
export async function checkCredentials(auth: SheetsAuth): Promise<void> {
  if (!auth || typeof auth === 'string') return;
  try {
    await (auth as { getAccessToken(): Promise<unknown> }).getAccessToken();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LedgerbridgeError(`cannot get Google credentials: ${why}`, 'auth_failed', { cause: error });
  }
}
