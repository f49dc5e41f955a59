import type { TransactionKind } from '../../model/transaction';

/** PayPal's free-text `Type` → kind; the sign decides between a sale and a purchase. */
export function paypalKind(type: string, minor: number): TransactionKind {
  const t = type
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (/refund|reembolso|ruckzahlung|erstattung|rembours|terugbetaling|restitui|rimborso/.test(t))
    return 'refund';
  if (
    /chargeback|dispute|reversal|claim|contracargo|disputa|reclamacion|konflikt|ruckbuchung|litige|annulation|geschil|storno|contestazione|estorno/.test(
      t,
    )
  )
    return 'dispute';
  if (/\bfee\b|comision|gebuhr|frais|kosten|tariffa|commissione|tarifa/.test(t)) return 'fee';
  if (
    /withdraw|transfer to bank|to bank account|retiro|retirada|abbuchung|abhebung|retrait|virement vers|opname|afschrijving naar|prelievo|bonifico sul conto|saque|transferencia para/.test(
      t,
    )
  )
    return 'payout';
  if (
    /bank deposit|add funds|transfer|currency conversion|conversion de divisa|wahrungsumrechnung|conversion de devise|valutaomrekening|conversione di valuta|conversao de moeda|einzahlung|ingreso|depot|storting|deposito|aggiunta/.test(
      t,
    )
  )
    return 'transfer';
  if (
    /hold|release|adjust|retencion|einbehalt|freigabe|ajuste|blocage|deblocage|blokkering|trattenuta|sblocco|bloqueio|liberacao/.test(
      t,
    )
  )
    return 'adjustment';
  return minor >= 0 ? 'charge' : 'withdrawal';
}
