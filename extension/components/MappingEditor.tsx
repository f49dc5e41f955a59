import { useState } from 'preact/hooks';
import type { CaptureField } from '../../core/model/profile';
import type { ColumnInfo } from '../capture/captureDocument';
import { CAPTURE_FIELDS } from './captureFields';

type Props = {
  mapping: Record<string, string>;
  columns: ColumnInfo[];
  onApply: (mapping: Record<string, string>, saveAsProfile: boolean) => void;
  disabled?: boolean;
};

/** The fields in the owner's words. */
const FIELD_WORDS: Record<CaptureField, string> = {
  date: 'Date',
  description: 'Description',
  amount: 'Amount (+ in, − out)',
  debit: 'Money out',
  credit: 'Money in',
  balance: 'Balance',
  status: 'Status',
  currency: 'Currency',
  type: 'Type',
  id: 'Reference',
  fee: 'Fee',
  gross: 'Gross',
};

/** "Amount — -$4.50, $1,234.56": the header the page shows (or the column's place) and what is in it. */
export function columnWords(c: ColumnInfo): string {
  const samples = c.samples.map((s) => (s.length > 24 ? `${s.slice(0, 23)}…` : s)).join(', ');
  return samples ? `${c.label} — ${samples}` : c.label;
}

/** Shows the column mapping the extractor chose and lets the owner correct it. */
export function MappingEditor({ mapping, columns, onApply, disabled }: Props) {
  const [draft, setDraft] = useState(mapping);
  const [save, setSave] = useState(true);
  if (columns.length === 0) return null;
  return (
    <details class="mapping">
      <summary>Which column is which</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApply(Object.fromEntries(Object.entries(draft).filter(([, key]) => key !== '')), save);
        }}
      >
        {CAPTURE_FIELDS.map((field) => (
          <label key={field} class="field-row">
            <span>{FIELD_WORDS[field]}</span>
            <select
              value={draft[field] ?? ''}
              onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
            >
              <option value="">(none)</option>
              {columns.map((c) => (
                <option key={c.key} value={c.key}>
                  {columnWords(c)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label class="check">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.currentTarget.checked)} />
          Use for this site’s next captures
        </label>
        <button type="submit" disabled={disabled}>
          Capture again with these columns
        </button>
      </form>
    </details>
  );
}
