// Public API of src/report: the results bundle as files (report.html, results.xlsx, tables.docx, tables.tex,
// tables/*.csv, results.json). Isomorphic except that the caller supplies the ECharts source and base maps.
export { buildBundle, resultsJson, type BundleFiles } from './bundle.js';
export { reportHtml, type HtmlOptions, type HtmlReport } from './html.js';
export { tablesToDocx } from './docx.js';
export { tablesToLatex, tableToLatex } from './latex.js';
export { tableToCsv } from './csv.js';
export { tablesToWorkbook } from './xlsx.js';
export { normalizeZip } from './zip.js';
