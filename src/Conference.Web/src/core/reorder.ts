/** The list with the item at `from` moved to `to` (the others keep their order). */
export function reorder<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  const [moved] = result.splice(from, 1);
  result.splice(Math.max(0, Math.min(to, result.length)), 0, moved);
  return result;
}
