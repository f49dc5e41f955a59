import type { Services, TextOutput } from './services';

/** Web apps always answer HTTP 200; success or failure is in the JSON body. */
export function jsonOutput(services: Services, body: unknown): TextOutput {
  return services.ContentService.createTextOutput(JSON.stringify(body)).setMimeType(
    services.ContentService.MimeType.JSON,
  );
}
