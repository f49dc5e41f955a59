import { formatAmount } from '../money/formatAmount';

/** Money in reasons: "512.30 USD". */
export const describeMoney = (minor: number, currency: string): string =>
  `${formatAmount(minor, currency)} ${currency}`;
