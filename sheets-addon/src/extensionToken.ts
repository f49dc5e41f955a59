import { sha256Hex } from '../../core/ids/sha256Hex';
import type { Services } from './services';

/** Only the token's hash is stored: reading the script properties does not reveal the token. */
const TOKEN_HASH_KEY = 'ledgerbridge.extensionTokenSha256';

/** A new token for the extension (two random UUIDs: 244 random bits); replaces the previous one. */
export function createExtensionToken(services: Services): string {
  const token = `${services.Utilities.getUuid()}${services.Utilities.getUuid()}`.replace(/-/g, '');
  services.PropertiesService.getScriptProperties().setProperty(TOKEN_HASH_KEY, sha256Hex(token));
  return token;
}

/** Compares in time independent of where the texts differ (both are 64 hex digits). */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % b.length);
  return diff === 0;
}

export function checkExtensionToken(services: Services, candidate: unknown): boolean {
  const stored = services.PropertiesService.getScriptProperties().getProperty(TOKEN_HASH_KEY);
  if (!stored || typeof candidate !== 'string' || candidate.length === 0) return false;
  return sameText(sha256Hex(candidate), stored);
}
