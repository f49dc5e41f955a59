import { looksLikeDate, looksLikeMoney } from '../core/capture/valueShapes';
for (const t of ['2026.11.20', '2026.11.20.', '4,800', '3,850,000', '1,254,300', '0', '2026-11-20', '12,800.00']) console.log(t, looksLikeDate(t, '2026-11-23'), looksLikeMoney(t));
