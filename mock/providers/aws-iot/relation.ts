/**
 * A many-to-many relation (thing -> principal, policy -> target) kept in one structure with
 * an index each way, so an attachment can never exist in one direction only: every change
 * goes through a method that updates both indexes before it returns.
 */
export class Relation {
  private readonly fwd = new Map<string, Set<string>>();
  private readonly back = new Map<string, Set<string>>();

  add(left: string, right: string): void {
    link(this.fwd, left, right);
    link(this.back, right, left);
  }

  delete(left: string, right: string): void {
    unlink(this.fwd, left, right);
    unlink(this.back, right, left);
  }

  has(left: string, right: string): boolean {
    return this.fwd.get(left)?.has(right) ?? false;
  }

  rightsOf(left: string): string[] {
    return [...(this.fwd.get(left) ?? [])];
  }

  leftsOf(right: string): string[] {
    return [...(this.back.get(right) ?? [])];
  }

  /** Removes every pair whose right side is `right` (a deleted certificate's attachments). */
  deleteRight(right: string): void {
    for (const left of this.leftsOf(right)) this.delete(left, right);
  }

  pairs(): [string, string][] {
    return [...this.fwd].flatMap(([l, rs]) => [...rs].map((r): [string, string] => [l, r]));
  }

  clear(): void {
    this.fwd.clear();
    this.back.clear();
  }
}

function link(index: Map<string, Set<string>>, from: string, to: string): void {
  let set = index.get(from);
  if (!set) index.set(from, (set = new Set()));
  set.add(to);
}

function unlink(index: Map<string, Set<string>>, from: string, to: string): void {
  const set = index.get(from);
  if (!set) return;
  set.delete(to);
  if (set.size === 0) index.delete(from);
}
