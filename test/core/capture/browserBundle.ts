/** What the browser test's bundle exposes as `ledgerbridgeCapture` (types only). */
export { BUILTIN_PROFILES } from '../../../core/capture/builtinProfiles';
export { capturePage } from '../../../core/capture/capturePage';
export { toTransactionJson } from '../../../core/model/transactionJson';
