import { useEffect, useState } from 'preact/hooks';
import { SIGN_NOTES, type SignConvention } from '../../core/capture/captureDiagnostics';
import type { Problem } from '../../core/model/problem';
import { CheckResults, CurrencyChoice, SignChoice, SkippedRows } from '../components/CaptureFindings';
import { MappingEditor } from '../components/MappingEditor';
import { PreviewCounts, previewCountsText } from '../components/PreviewCounts';
import { PreviewTable } from '../components/PreviewTable';
import { ProblemList } from '../components/ProblemList';
import type { CaptureProgress } from '../messages/progress';
import type { Request } from '../messages/request';
import type { CapturePreview, SaveResult } from '../messages/responses';
import type { sendRequest } from '../messages/sendRequest';

type Ask = <R extends Request>(request: R) => ReturnType<typeof sendRequest<R>>;

type State =
  | { step: 'idle' }
  | { step: 'reading'; allPages: boolean; pages?: number; maxPages?: number }
  | { step: 'preview'; preview: CapturePreview }
  | { step: 'saving'; preview: CapturePreview }
  | { step: 'saved'; result: SaveResult };

/** Subscribes to "Capture all pages" progress; returns the unsubscribe. */
export type OnProgress = (listener: (progress: CaptureProgress) => void) => () => void;

/** Capture → preview → save or discard, for one tab. */
export function CapturePanel({
  tabId,
  ask,
  onProgress,
}: {
  tabId: number;
  ask: Ask;
  onProgress: OnProgress;
}) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [problems, setProblems] = useState<Problem[]>([]);

  useEffect(
    () =>
      onProgress((p) => {
        if (p.tabId !== tabId) return;
        setState((s) => (s.step === 'reading' ? { ...s, pages: p.pages, maxPages: p.maxPages } : s));
      }),
    [tabId],
  );

  useEffect(() => {
    // A preview the keyboard shortcut made before the popup opened.
    ask({ type: 'pendingCapture', tabId }).then((r) => {
      if (r.ok && r.value) setState({ step: 'preview', preview: r.value });
    });
  }, [tabId]);

  async function capture(options: {
    allPages?: boolean;
    mapping?: Record<string, string>;
    saveMapping?: boolean;
    signConvention?: SignConvention;
    currency?: string;
  }) {
    setProblems([]);
    setState({ step: 'reading', allPages: options.allPages ?? false });
    const r = await ask({ type: 'capture', tabId, ...options });
    if (r.ok) setState({ step: 'preview', preview: r.value });
    else {
      setProblems(r.problems);
      setState({ step: 'idle' });
    }
  }

  async function save(preview: CapturePreview) {
    if (!preview.captureId) return;
    setState({ step: 'saving', preview });
    const r = await ask({ type: 'saveCapture', captureId: preview.captureId });
    if (r.ok) setState({ step: 'saved', result: r.value });
    else {
      setProblems(r.problems);
      setState({ step: 'preview', preview });
    }
  }

  async function discard(preview: CapturePreview) {
    if (preview.captureId) await ask({ type: 'discardCapture', captureId: preview.captureId });
    setState({ step: 'idle' });
  }

  const busy = state.step === 'reading' || state.step === 'saving';
  return (
    <section aria-labelledby="capture-heading">
      <h2 id="capture-heading" class="visually-hidden">
        Capture
      </h2>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => capture({})}>
          Capture
        </button>
        <button type="button" disabled={busy} onClick={() => capture({ allPages: true })}>
          Capture all pages
        </button>
      </div>
      {state.step === 'reading' && (
        <div class="progress" role="status">
          {state.pages && state.maxPages ? (
            <>
              <progress aria-label="Pages read" max={state.maxPages} value={state.pages} />{' '}
              <span>
                {state.pages} {state.pages === 1 ? 'page' : 'pages'} read (at most {state.maxPages})
              </span>
            </>
          ) : (
            <progress aria-label={state.allPages ? 'Reading pages' : 'Reading the page'} />
          )}
          {state.allPages && (
            <button type="button" onClick={() => ask({ type: 'stopCapture', tabId })}>
              Stop
            </button>
          )}
        </div>
      )}
      <ProblemList problems={problems} />
      {(state.step === 'preview' || state.step === 'saving') && (
        <Preview
          preview={state.preview}
          busy={busy}
          onSave={() => save(state.preview)}
          onDiscard={() => discard(state.preview)}
          onRemap={(mapping, saveMapping) => capture({ mapping, saveMapping })}
          onSign={(signConvention) => capture({ signConvention })}
          onCurrency={(currency) => capture({ currency })}
        />
      )}
      {state.step === 'saved' && (
        <p role="status" class="saved" data-testid="saved">
          Saved:{' '}
          {previewCountsText({
            new: state.result.added,
            alreadyCaptured: state.result.unchanged,
            changed: state.result.changed,
          })}
          .
        </p>
      )}
    </section>
  );
}

function Preview(props: {
  preview: CapturePreview;
  busy: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onRemap: (mapping: Record<string, string>, save: boolean) => void;
  onSign: (convention: SignConvention) => void;
  onCurrency: (currency: string) => void;
}) {
  const { preview } = props;
  const unverified = preview.verification === 'unverified';
  // The sign line below says how signs were read; its note is not listed a second time.
  const signNote = (SIGN_NOTES as Record<string, string | undefined>)[preview.signConvention.convention];
  const warnings = preview.found > 0 ? preview.warnings.filter((w) => w !== signNote) : preview.warnings;
  return (
    <div class="preview">
      {preview.message ? (
        <p class="message" role="status" data-testid="capture-message">
          {preview.message}
        </p>
      ) : (
        <PreviewCounts preview={preview} />
      )}
      <CheckResults checks={preview.checks} verification={preview.verification} />
      {preview.pages > 1 && <p>{preview.pages} pages read.</p>}
      <SkippedRows skipped={preview.skipped} />
      {preview.found > 0 && (
        <SignChoice decision={preview.signConvention} onChoose={props.onSign} disabled={props.busy} />
      )}
      {preview.found > 0 && (
        <CurrencyChoice preview={preview} onChoose={props.onCurrency} disabled={props.busy} />
      )}
      {warnings.length > 0 && (
        <ul class="warnings" aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {preview.accounts && preview.accounts.length > 0 && (
        <p class="preview-accounts" data-testid="preview-accounts">
          {preview.accounts.length === 1
            ? `Account: ${preview.accounts[0]!.name}`
            : `${preview.accounts.length} accounts: ${preview.accounts.map((a) => `${a.name} (${a.rows} rows)`).join(', ')}`}
        </p>
      )}
      <PreviewTable preview={preview} />
      <MappingEditor
        key={preview.captureId ?? preview.capturedAt}
        mapping={preview.mapping}
        columns={preview.columns}
        onApply={props.onRemap}
        disabled={props.busy}
      />
      {preview.captureId && (
        // Sticky: Save stays in view however long the preview is.
        <div class="actions sticky-actions">
          <button type="button" class="primary" disabled={props.busy} onClick={props.onSave}>
            {unverified ? 'Save as unverified' : 'Save'}
          </button>
          <button type="button" disabled={props.busy} onClick={props.onDiscard}>
            Discard
          </button>
        </div>
      )}
    </div>
  );
}
