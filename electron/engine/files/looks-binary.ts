/** Text spreadsheets hold no NUL and almost no control characters other than tab, LF and CR;
 * images, PDFs, executables and databases are full of them. */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 0) return true;
    controls++;
  }
  return controls > text.length / 100;
}
