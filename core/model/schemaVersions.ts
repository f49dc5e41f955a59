/**
 * The versions stored records carry, as plain constants: code that only stamps them (ids on
 * captured rows, built-in profiles) does not pull in the zod schemas that check them.
 */
export const TRANSACTION_SCHEMA_VERSION = 1;
export const PROFILE_SCHEMA_VERSION = 2;
