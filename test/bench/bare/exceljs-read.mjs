// Bare baseline: every row of a workbook's first sheet through exceljs's streaming reader.
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
});
let rows = 0;
for await (const worksheet of reader) {
  for await (const row of worksheet) if (row.number > 0) rows++;
  break;
}
process.stdout.write(`${rows - 1}\n`);
