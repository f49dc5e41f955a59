import { useState } from 'preact/hooks';
import type { Problem } from '../../core/model/problem';
import { PreviewCounts } from '../components/PreviewCounts';
import { PreviewTable } from '../components/PreviewTable';
import { ProblemList } from '../components/ProblemList';
import type { Reply } from '../messages/reply';
import type { CapturePreview, InvoicesImported, SaveResult } from '../messages/responses';
import { InvoicesImportedNote } from './InvoicesImportedNote';

type Props = {
  importFile: (name: string, base64: string) => Promise<Reply<CapturePreview | InvoicesImported>>;
  save: (captureId: string) => Promise<Reply<SaveResult>>;
  discard: (captureId: string) => Promise<unknown>;
  onSaved: () => void;
};

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bank and processor files by drag and drop (or a file picker), previewed like a capture; invoice lists stored. */
export function ImportDrop({ importFile, save, discard, onSaved }: Props) {
  const [over, setOver] = useState(false);
  const [preview, setPreview] = useState<CapturePreview>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [invoices, setInvoices] = useState<InvoicesImported>();

  async function read(file: File) {
    setProblems([]);
    setPreview(undefined);
    setInvoices(undefined);
    const r = await importFile(file.name, toBase64(new Uint8Array(await file.arrayBuffer())));
    if (!r.ok) setProblems(r.problems);
    else if ('kind' in r.value) {
      // An invoice list is stored at once; there is nothing to preview.
      setInvoices(r.value);
      onSaved();
    } else setPreview(r.value);
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a bank file</h2>
      {/* Dropping is the mouse shortcut; the file input inside is the keyboard way. */}
      <fieldset
        class={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer?.files[0];
          if (file) read(file);
        }}
      >
        <label>
          Drop an OFX, QFX, QIF, CAMT.053 or CSV file (or an invoice list) here, or choose one:{' '}
          <input
            type="file"
            accept=".ofx,.qfx,.qif,.xml,.csv,.txt"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) read(file);
            }}
          />
        </label>
      </fieldset>
      <ProblemList problems={problems} />
      {invoices && <InvoicesImportedNote imported={invoices} />}
      {preview && (
        <div>
          {preview.message ? <p role="status">{preview.message}</p> : <PreviewCounts preview={preview} />}
          <PreviewTable preview={preview} />
          {preview.captureId && (
            <div class="actions">
              <button
                type="button"
                class="primary"
                onClick={async () => {
                  const r = await save(preview.captureId!);
                  if (r.ok) {
                    setPreview(undefined);
                    onSaved();
                  } else setProblems(r.problems);
                }}
              >
                Save import
              </button>
              <button
                type="button"
                onClick={async () => {
                  await discard(preview.captureId!);
                  setPreview(undefined);
                }}
              >
                Discard import
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
