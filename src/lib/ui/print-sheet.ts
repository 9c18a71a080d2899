import './print-sheet.css';

/**
 * While a printable sheet is mounted, printing shows only it (print-sheet.css). Use as an
 * effect in the sheet's component: `$effect(printSheet)`. Counted, so a case sheet opened over
 * the report (or the reverse) keeps the class until the last one closes.
 */
let open = 0;
export function printSheet(): () => void {
  open++;
  document.body.classList.add('print-sheet-open');
  return () => {
    open--;
    if (open === 0) document.body.classList.remove('print-sheet-open');
  };
}
