/** Names this client in batches and exports, so the add-on's Audit tab says who wrote. */
export const CLIENT_NAME = 'ledgerbridge-extension/0.1.0';
