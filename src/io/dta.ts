// Stata .dta reading (formats 117, 118, 119) and writing (format 118). Parsers work on Uint8Array only,
// so the same code runs in Node and in the browser.
export { readDta, type DtaFile, type DtaVariable, type DtaCharacteristic, type ReadDtaOptions } from './dta-read.js';
export { writeDta, type DtaWriteInput, type WriteDtaOptions } from './dta-write.js';
export { type DtaRelease, type DtaType, type DtaNumericType, type DtaByteOrder, SUPPORTED_RELEASES } from './dta-format.js';
