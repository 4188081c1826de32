/**
 * A percentage the way coverage.py prints it: rounded, except that only a true
 * 0 shows "0" and only a true 100 shows "100".
 */
export function displayPercent(pc: number, precision = 0): string {
  const near0 = 1 / 10 ** precision;
  let shown = pc;
  if (pc > 0 && pc < near0) shown = near0;
  else if (pc > 100 - near0 && pc < 100) shown = 100 - near0;
  // Python's round(): halves go to the even neighbour.
  const scaled = shown * 10 ** precision;
  let rounded = Math.round(scaled);
  if (Math.abs(scaled % 1) === 0.5 && rounded % 2 !== 0) rounded -= 1;
  return (rounded / 10 ** precision).toFixed(precision);
}
