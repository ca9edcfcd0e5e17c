// The History and trash lists of a store (runs, layer analyses) after an entry moved to the trash: it
// leaves the history at once and heads the trash, stamped now, without waiting for the next listing.
export function afterTrash<T extends { id: string; trashedAt?: string }>(
  history: readonly T[],
  trash: readonly T[],
  id: string,
  now = new Date()
): { history: T[]; trash: T[] } {
  const gone = history.find((h) => h.id === id)
  return {
    history: history.filter((h) => h.id !== id),
    trash: gone ? [{ ...gone, trashedAt: now.toISOString() }, ...trash.filter((h) => h.id !== id)] : [...trash]
  }
}
