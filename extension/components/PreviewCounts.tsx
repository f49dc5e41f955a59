import type { CapturePreview } from '../messages/responses';

/** "42 new, 18 already captured, 1 changed". */
export function previewCountsText(p: Pick<CapturePreview, 'new' | 'alreadyCaptured' | 'changed'>): string {
  return `${p.new} new, ${p.alreadyCaptured} already captured, ${p.changed} changed`;
}

export function PreviewCounts({ preview }: { preview: CapturePreview }) {
  return (
    <p class="counts" role="status" data-testid="preview-counts">
      {previewCountsText(preview)}
    </p>
  );
}
