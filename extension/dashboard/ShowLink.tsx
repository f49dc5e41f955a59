import type { ComponentChildren } from 'preact';

/**
 * A count that opens the list behind it: sets what the list shows, then brings it into view.
 * A button (it changes the page), looking like the link it reads as.
 */
export function ShowLink({
  target,
  onShow,
  children,
}: {
  target: string;
  onShow: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class="link"
      aria-controls={target}
      onClick={() => {
        onShow();
        document.getElementById(target)?.scrollIntoView();
      }}
    >
      {children}
    </button>
  );
}
