import type { Transaction } from '../../core/model/transaction';
import { fromTransactionJson, type TransactionJson } from '../../core/model/transactionJson';
import { CLIENT_NAME } from '../clientName';
import { download } from '../export/download';
import { toBatch } from '../export/toBatch';
import { toCsv } from '../export/toCsv';
import { toXlsx } from '../export/toXlsx';

type Props = { load: () => Promise<TransactionJson[]>; now: () => Date; newId: () => string };

const contracts = (rows: TransactionJson[]): Transaction[] =>
  rows.flatMap((r) => {
    const t = fromTransactionJson(r);
    return t.ok ? [t.value] : [];
  });

/** Exports what the filters show: CSV or .xlsx with the spreadsheet's columns, or JSON in the Batch contract. */
export function ExportButtons({ load, now, newId }: Props) {
  const stamp = () => now().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div class="actions">
        <button
          type="button"
          onClick={async () =>
            download(document, `ledgerbridge-${stamp()}.csv`, 'text/csv', toCsv(contracts(await load())))
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={async () => {
            const batch = toBatch(await load(), {
              batchId: `export-${newId()}`,
              exportedAt: now().toISOString(),
              client: CLIENT_NAME,
            });
            download(
              document,
              `ledgerbridge-${stamp()}.json`,
              'application/json',
              JSON.stringify(batch, null, 2),
            );
          }}
        >
          Export JSON
        </button>
        <button
          type="button"
          onClick={async () =>
            download(
              document,
              `ledgerbridge-${stamp()}.xlsx`,
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              await toXlsx(contracts(await load())),
            )
          }
        >
          Export Excel (.xlsx)
        </button>
      </div>
    </section>
  );
}
