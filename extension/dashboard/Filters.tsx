import { accountWords } from '../../core/model/accountWords';
import type { TransactionFilter } from '../messages/request';
import type { AccountSummary } from '../messages/responses';

type Props = {
  filter: TransactionFilter;
  accounts: AccountSummary[];
  categories: string[];
  onChange: (filter: TransactionFilter) => void;
};

/** Search and filters; every control is labelled and changes the list at once. */
export function Filters({ filter, accounts, categories, onChange }: Props) {
  const set = (patch: Partial<TransactionFilter>) => {
    const next: Record<string, unknown> = { ...filter, ...patch };
    for (const k of Object.keys(next))
      if (next[k] === '' || next[k] === false || next[k] === undefined) delete next[k];
    onChange(next as TransactionFilter);
  };
  return (
    <form class="filters" aria-label="Filter transactions" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search
        <input
          type="search"
          value={filter.search ?? ''}
          onInput={(e) => set({ search: e.currentTarget.value })}
        />
      </label>
      <label>
        Account
        <select value={filter.account ?? ''} onChange={(e) => set({ account: e.currentTarget.value })}>
          <option value="">All accounts</option>
          {[...new Map(accounts.map((a) => [a.account, accountWords(a.institution, a.account)]))].map(
            ([a, words]) => (
              <option key={a} value={a}>
                {words}
              </option>
            ),
          )}
        </select>
      </label>
      <label>
        From
        <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} />
      </label>
      <label>
        To
        <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} />
      </label>
      <label>
        Category
        <input
          list="categories"
          value={filter.category ?? ''}
          onChange={(e) => set({ category: e.currentTarget.value })}
        />
      </label>
      <datalist id="categories">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.uncategorized ?? false}
          onChange={(e) => set({ uncategorized: e.currentTarget.checked })}
        />
        Uncategorized
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.unmatched ?? false}
          onChange={(e) => set({ unmatched: e.currentTarget.checked })}
        />
        Unmatched
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.unsent ?? false}
          onChange={(e) => set({ unsent: e.currentTarget.checked })}
        />
        Not yet sent
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.unverified ?? false}
          onChange={(e) => set({ unverified: e.currentTarget.checked })}
        />
        From unverified captures
      </label>
      {filter.captureId && (
        <p class="chip" role="status">
          Showing the lines one capture wrote.{' '}
          <button type="button" class="link" onClick={() => set({ captureId: undefined })}>
            Show all
          </button>
        </p>
      )}
      {filter.ids && (
        <p class="chip" role="status">
          Showing the {filter.ids.length} {filter.ids.length === 1 ? 'line' : 'lines'} of one item.{' '}
          <button type="button" class="link" onClick={() => set({ ids: undefined })}>
            Show all
          </button>
        </p>
      )}
    </form>
  );
}
