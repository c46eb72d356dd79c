// Reading and writing files: byte parsers (CSV/TSV with encoding detection, XLSX, JSON) that also run in
// browsers, Node file wrappers, the bundled PWT 9.1, and the XLSX writer for Results and tables.
export { decodeText, type DecodedText } from './encoding.js';
export { parseCsv, parseCsvBytes, sniffDelimiter, type CsvOptions, type CsvBytesOptions } from './csv.js';
export { parseJsonTable, parseJsonBytes } from './json.js';
export { parseXlsx, xlsxSheetNames, type XlsxReadOptions } from './xlsx-read.js';
export { readTableFile, TABLE_EXTENSIONS, type ReadTableOptions } from './read-table.js';
export { loadPwt, loadPwtTable, pwtTableFromGzip, PWT_PATH } from './pwt.js';
export { resultToXlsx, tablesToXlsx, resultSheets, type XlsxTable } from './xlsx-write.js';
export * from './dta.js';
