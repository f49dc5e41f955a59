/**
 * Aho–Corasick over many literal needles: one pass over a text reports every needle it contains,
 * so hundreds of "description contains" rules cost one scan per transaction instead of one
 * `includes` per rule.
 */
export class LiteralIndex {
  private next: Array<Map<number, number>> = [new Map()];
  private fail: number[] = [0];
  private out: number[][] = [[]];
  private built = false;

  get size(): number {
    return this.next.length - 1;
  }

  add(needle: string, value: number) {
    if (this.built) throw new Error('LiteralIndex.add after build');
    let node = 0;
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      let child = this.next[node]!.get(code);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[node]!.set(code, child);
      }
      node = child;
    }
    this.out[node]!.push(value);
  }

  /** Breadth-first failure links; each node's outputs include those of its failure chain. */
  build() {
    this.built = true;
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [code, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const inherited = this.out[this.fail[child]!]!;
        if (inherited.length > 0) this.out[child] = [...this.out[child]!, ...inherited];
        queue.push(child);
      }
    }
  }

  /** Calls `visit` with the value of every needle found in `text` (a value may repeat). */
  scan(text: string, visit: (value: number) => void) {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let child = this.next[node]!.get(code);
      while (child === undefined && node !== 0) {
        node = this.fail[node]!;
        child = this.next[node]!.get(code);
      }
      node = child ?? 0;
      const found = this.out[node]!;
      for (let k = 0; k < found.length; k++) visit(found[k]!);
    }
  }
}
