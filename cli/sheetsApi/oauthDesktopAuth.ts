import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { LedgerbridgeError } from '../../core/model/errors';
import { SHEETS_SCOPE } from './sheetsAuth';

type ClientFile = { installed?: { client_id?: string; client_secret?: string } };

const tokenPath = () =>
  join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ledgerbridge', 'sheets-oauth-token.json');

/** Waits on 127.0.0.1 for Google's redirect carrying the authorization code (the loopback flow). */
function receiveCode(): Promise<{ redirectUri: string; code: Promise<string> }> {
  return new Promise((resolveStart) => {
    let deliver: (code: string) => void;
    let refuse: (error: Error) => void;
    const code = new Promise<string>((resolve, reject) => {
      deliver = resolve;
      refuse = reject;
    });
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const got = url.searchParams.get('code');
      const error = url.searchParams.get('error');
      if (!got && !error) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(got ? 'Ledgerbridge is authorized. You can close this tab.' : `Authorization failed: ${error}`);
      server.close();
      if (got) deliver(got);
      else refuse(new LedgerbridgeError(`Google refused the authorization: ${error}`, 'oauth_denied'));
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolveStart({ redirectUri: `http://127.0.0.1:${port}`, code });
    });
  });
}

/**
 * An OAuth client for a desktop app (client JSON from the Google Cloud console). The first run
 * prints a URL to open in the browser and receives the code on a loopback address (with PKCE);
 * the refresh token is kept in ~/.config/ledgerbridge (mode 600) for later runs.
 */
export async function oauthDesktopAuth(
  clientFile: string,
  say: (text: string) => void,
): Promise<OAuth2Client> {
  const json = JSON.parse(await readFile(clientFile, 'utf8')) as ClientFile;
  const id = json.installed?.client_id;
  const secret = json.installed?.client_secret;
  if (!id)
    throw new LedgerbridgeError(
      `${clientFile}: not an OAuth desktop client (no installed.client_id)`,
      'oauth_client',
    );
  const saved = await readFile(tokenPath(), 'utf8').then(
    (text) => JSON.parse(text) as { refresh_token?: string; client_id?: string },
    () => undefined,
  );
  if (saved?.refresh_token && saved.client_id === id) {
    const client = new OAuth2Client({ clientId: id, ...(secret ? { clientSecret: secret } : {}) });
    client.setCredentials({ refresh_token: saved.refresh_token });
    return client;
  }
  const { redirectUri, code } = await receiveCode();
  const client = new OAuth2Client({ clientId: id, ...(secret ? { clientSecret: secret } : {}), redirectUri });
  const pkce = await client.generateCodeVerifierAsync();
  say(
    `Open this address in a browser to let Ledgerbridge write to your spreadsheet:\n${client.generateAuthUrl({
      access_type: 'offline',
      scope: [SHEETS_SCOPE],
      code_challenge: pkce.codeChallenge!,
      code_challenge_method: CodeChallengeMethod.S256,
    })}\n`,
  );
  const { tokens } = await client.getToken({
    code: await code,
    codeVerifier: pkce.codeVerifier,
    redirect_uri: redirectUri,
  });
  client.setCredentials(tokens);
  if (tokens.refresh_token) {
    await mkdir(dirname(tokenPath()), { recursive: true });
    await writeFile(tokenPath(), JSON.stringify({ client_id: id, refresh_token: tokens.refresh_token }), {
      mode: 0o600,
    });
  }
  return client;
}
