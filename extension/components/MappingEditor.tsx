import { useState } from 'preact/hooks';
import { CAPTURE_FIELDS } from './captureFields';

type Props = {
  mapping: Record<string, string>;
  headers: string[];
  onApply: (mapping: Record<string, string>, saveAsProfile: boolean) => void;
  disabled?: boolean;
};

/** Shows the column mapping the extractor chose and lets the owner correct it. */
export function MappingEditor({ mapping, headers, onApply, disabled }: Props) {
  const [draft, setDraft] = useState(mapping);
  const [save, setSave] = useState(true);
  if (headers.length === 0) return null;
  return (
    <details class="mapping">
      <summary>Column mapping</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApply(Object.fromEntries(Object.entries(draft).filter(([, header]) => header !== '')), save);
        }}
      >
        {CAPTURE_FIELDS.map((field) => (
          <label key={field} class="field-row">
            <span>{field}</span>
            <select
              value={draft[field] ?? ''}
              onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
            >
              <option value="">(none)</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label class="check">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.currentTarget.checked)} />
          Save as this site's profile
        </label>
        <button type="submit" disabled={disabled}>
          Capture again with this mapping
        </button>
      </form>
    </details>
  );
}
