/** usd is the one way money is written: US dollars with cents, and fractions of a cent to four places where an amount has them. */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });

/**
 * money writes an amount of US dollars for people, the same way everywhere
 * (bars, nodes, banners, tables, charts): always with cents ("$25.00",
 * "$0.12"), thousands grouped ("$1,250.00"), and a fraction of a cent kept
 * rather than rounded away, to four places, so one image's price shows
 * ("$0.003", "$0.0031"). A value that rounds to no money reads "$0.00".
 */
export function money(amount: number): string {
  const text = usd.format(amount);
  return text === '-$0.00' ? '$0.00' : text;
}
