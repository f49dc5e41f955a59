import type { CategoryInfo } from '../../core/sheet/categoryRows';
import type { TabContents } from './readTab';

/** The categories the bookkeeper keeps in the Categories tab, with their groups. */
export function knownCategories(tab: TabContents): CategoryInfo[] {
  const at = tab.index.positions.get('category');
  const groupAt = tab.index.positions.get('group');
  if (at === undefined) return [];
  const out: CategoryInfo[] = [];
  const seen = new Set<string>();
  for (const row of tab.rows) {
    const category = String(row[at] ?? '').trim();
    if (!category || seen.has(category)) continue;
    seen.add(category);
    const group = groupAt === undefined ? '' : String(row[groupAt] ?? '').trim();
    out.push(group ? { category, group } : { category });
  }
  return out;
}
