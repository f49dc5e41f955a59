import * as z from 'zod';

/** Sent by the background to extension pages while "Capture all pages" reads page after page. */
export const CaptureProgress = z.object({
  type: z.literal('captureProgress'),
  tabId: z.int(),
  /** Pages read so far. */
  pages: z.int().positive(),
  maxPages: z.int().positive(),
});
export type CaptureProgress = z.infer<typeof CaptureProgress>;
