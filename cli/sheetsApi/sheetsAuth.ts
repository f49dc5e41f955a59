import { GoogleAuth } from 'google-auth-library';
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
