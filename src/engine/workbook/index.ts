/**
 * Workbook conventions as data and pure functions: A1 addresses, dates and serials, our sheets'
 * names and markers, and where summary sheets are placed. Adapters carry these out; none decides
 * them again.
 */
export * from "./address";
export * from "./dates";
export * from "./sheets";
export * from "./placement";
