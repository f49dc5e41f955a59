/**
 * Characters that show nothing yet change what a text looks like or how it compares: zero-width
 * spaces and word joiners, and the bidi embeddings, overrides and isolates that can make a
 * description read backwards in a spreadsheet ("‮cod.exe" as "exe.doc"). The joiners scripts and
 * emoji need (U+200C, U+200D) and the plain direction marks (U+200E, U+200F) stay.
 */
const INVISIBLE = /[\u200b\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069]/;
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, 'g');

/** `text` without invisible characters (see INVISIBLE); the same string when it has none. */
export function withoutInvisibles(text: string): string {
  return INVISIBLE.test(text) ? text.replace(EVERY_INVISIBLE, '') : text;
}
