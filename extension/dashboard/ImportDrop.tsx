import { useState } from 'preact/hooks';
import type { Problem } from '../../core/model/problem';
import { PreviewCounts } from '../components/PreviewCounts';
import { PreviewTable } from '../components/PreviewTable';
import { ProblemList } from '../components/ProblemList';
import type { Reply } from '../messages/reply';
import type { AccountQuestion, CapturePreview, InvoicesImported, SaveResult } from '../messages/responses';
import { InvoicesImportedNote } from './InvoicesImportedNote';

type Props = {
  importFile: (
    name: string,
    base64: string,
    account?: string,
  ) => Promise<Reply<CapturePreview | InvoicesImported | AccountQuestion>>;
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
  // The file waits here (not in the store) until its owner says which account it is.
  const [question, setQuestion] = useState<AccountQuestion & { base64: string }>();
  const [answer, setAnswer] = useState('');

  async function send(name: string, base64: string, account?: string) {
    setProblems([]);
    setPreview(undefined);
    setInvoices(undefined);
    setQuestion(undefined);
    const r = await importFile(name, base64, account);
    if (!r.ok) setProblems(r.problems);
    else if (!('kind' in r.value)) setPreview(r.value);
    else if (r.value.kind === 'account') {
      setAnswer('');
      setQuestion({ ...r.value, base64 });
    } else {
      // An invoice list is stored at once; there is nothing to preview.
      setInvoices(r.value);
      onSaved();
    }
  }

  async function read(file: File) {
    await send(file.name, toBase64(new Uint8Array(await file.arrayBuffer())));
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
      {question && (
        <form
          aria-label={`Which account is ${question.file}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (answer.trim()) send(question.file, question.base64, answer.trim());
          }}
        >
          <p role="status">
            Which account is {question.file}? Nothing is stored until you say: {question.reason}.
          </p>
          <label>
            Account for {question.file}{' '}
            <input
              required
              list="import-accounts"
              value={answer}
              onInput={(e) => setAnswer(e.currentTarget.value)}
            />
          </label>
          <datalist id="import-accounts">
            {question.accounts.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <div class="actions">
            <button type="submit" class="primary">
              Import into this account
            </button>
            <button type="button" onClick={() => setQuestion(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
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
