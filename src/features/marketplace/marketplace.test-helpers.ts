/** Test helpers of the marketplace's route tests. */

/** Repeated fields (checkboxes) as pairs: URLSearchParams takes them as they are. */
export const formOf = (fields: Record<string, string | string[]>) =>
  Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])) as unknown as Record<string, string>;
