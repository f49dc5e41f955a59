/**
 * Stand-in for core/capture's findNextPageControl until it lands: an enabled button or link whose
 * text or label says next / load more / show more.
 */
export function findNextPageControl(root: Document | Element): HTMLElement | undefined {
  const candidates = [...root.querySelectorAll<HTMLElement>('a, button, [role="button"]')];
  return candidates.find((el) => {
    const label = `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''}`.trim();
    const disabled = el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
    return !disabled && /^(next|load more|show more|more transactions)\b|›|»/i.test(label);
  });
}
