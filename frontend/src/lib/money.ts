/**
 * money writes US dollars for people: whole dollars bare ("$25"), cents to
 * two places ("$0.12", "$3.50"), and amounts under ten cents to three, so a
 * single image's price still shows ("$0.003").
 */
export function money(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const v = Math.abs(usd);
  if (Number.isInteger(v)) return `${sign}$${v}`;
  return `${sign}$${v.toFixed(v < 0.1 ? 3 : 2)}`;
}
