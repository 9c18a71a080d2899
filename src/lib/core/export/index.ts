export { safeCell } from './safe-cell';
export { csvChunks, csvText, formatNumber, EXCEL_NORWEGIAN, RFC_4180, type CsvColumn, type CsvDialect } from './csv-writer';
export { Sha256, sha256Hex, toHex } from './sha256';
export { buildManifest, manifestJson, SELECTION_RULES, MANIFEST_SCHEMA, MANIFEST_VERSION, type AuditManifest, type ManifestInput } from './manifest';
export { percentileInFile, type FilePosition } from './percentile-in-file';
export { reasonSentenceParams, formatValue, REASON_KEYS, type ReasonKey, type ReasonParams, type ReasonLocale } from './reason-sentence';
export { validationReportChunks, reportEntries, type ReportSource, type ReportText } from './validation-report';
export { controlList, controlListManifestInput, manifestFileName, reasonLines, REASONS_PER_ROW, type ControlList, type ControlListInput } from './control-list';
export { buildControlList, type ControlListJob, type BuiltControlList } from './build-control-list';
