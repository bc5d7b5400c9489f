/**
 * The fields whose value changed, as { field: [before, after] }: what every history table stores (roadmap,
 * portfolio, demonstrators, marketplace, core group). Values are compared as JSON, so arrays and objects count
 * as changed only when their content differs; a field missing before is null.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = [before[key] ?? null, value];
  }
  return changes;
}
