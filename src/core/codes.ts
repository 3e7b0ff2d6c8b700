/**
 * The closed list of issue codes. Each code has a default severity and an English
 * message template; `{name}` placeholders are filled from the issue's `data`.
 *
 * Sections are grouped by domain; add codes to the section of the unit that emits them.
 */
export type Severity = 'error' | 'warning' | 'info';

interface CodeSpec {
  readonly severity: Severity;
  readonly message: string;
}

const CATALOG = {
  // --- file parsing -------------------------------------------------------------
  'file.empty': { severity: 'error', message: 'The file is empty.' },
  'file.no_data_rows': { severity: 'warning', message: 'The file has a header row but no data rows.' },
  'file.encoding_guessed': { severity: 'info', message: 'Decoded as {encoding} ({reason}).' },
  'file.decoding_replaced': { severity: 'warning', message: '{count} byte sequences could not be decoded and were replaced.' },
  'file.binary': { severity: 'error', message: 'The file looks binary, not a CSV/TSV or spreadsheet.' },
  'file.unsupported_format': { severity: 'error', message: 'Unsupported file format: {format}.' },
  'file.xlsx_unreadable': { severity: 'error', message: 'The spreadsheet could not be read: {reason}.' },
  'file.sheet_not_found': { severity: 'error', message: 'Sheet "{sheet}" not found; sheets are: {sheets}.' },
  'file.header_blank': { severity: 'warning', message: 'Column {column} has no header; named "{name}".' },
  'file.header_duplicate': { severity: 'warning', message: 'Header "{header}" appears more than once; column {column} renamed "{name}".' },
  'file.header_reserved': { severity: 'warning', message: 'Header "{header}" is a reserved object key; renamed "{name}".' },
  'file.row_too_long': { severity: 'warning', message: 'Row has {count} cells, more than the {expected} headers; extra cells kept as {names}.' },
  'file.row_too_short': { severity: 'info', message: '{count} rows have fewer cells than the {expected} headers (first at row {first}); missing cells are empty.' },
  'file.quote_unterminated': { severity: 'warning', message: 'A quoted field is not closed; the rest of the file was read into it.' },
  'file.quote_malformed': { severity: 'warning', message: 'Malformed quotes in this row: {reason}.' },
  'file.blank_rows_skipped': { severity: 'info', message: '{count} blank rows skipped.' },
  'file.preamble_skipped': { severity: 'info', message: '{count} lines before the header row skipped.' },
  // --- header mapping -----------------------------------------------------------
  'header.unmapped': { severity: 'info', message: 'Column "{header}" is not a known field; carried through in extra.' },
  'header.detected_by_values': { severity: 'info', message: 'Column "{header}" mapped to {field} from its values ({share} match).' },
  'header.conflict': { severity: 'warning', message: 'Columns {headers} all map to {field}; "{winner}" used, the others kept in extra.' },
  'header.pinned_missing': { severity: 'warning', message: 'The pack pins column "{header}" to {field}, but the file has no such column.' },
  // --- generic cell steps -------------------------------------------------------
  'cell.placeholder': { severity: 'info', message: 'Placeholder value "{value}" treated as empty.' },
  'cell.control_chars': { severity: 'warning', message: 'Control characters removed.' },
  'cell.too_long': { severity: 'warning', message: 'Value is {length} characters, longer than {max}.' },
  // --- decide: campaign, target --------------------------------------------------
  'campaign.unknown_status': { severity: 'warning', message: 'Member status "{value}" is not one of {statuses}.' },
  'target.unknown_picklist_value': { severity: 'warning', message: '{target} would reject {field} = "{value}" (not in its picklist); left empty in the export.' },
  'target.state_not_allowed': { severity: 'warning', message: '{target} has no state picklist for country {country}; state "{value}" left empty in the export.' },
  'target.too_long': { severity: 'warning', message: '{target} field {field} allows {max} characters; the value has {length} and was cut in the export.' },
  'target.required_missing': { severity: 'error', message: '{target} requires {field}.' },
  // --- geography and phone (issue 3: src/normalize/{country,state,postal,phone,geo}) ---
  'country.ambiguous': { severity: 'warning', message: 'Country "{input}" is ambiguous: could be {candidates}.' },
  'country.unknown': { severity: 'warning', message: 'Country "{input}" is not recognised.' },
  'country.not_a_country': { severity: 'warning', message: '"{input}" is a {kind}, not a country.' },
  'country.typo_corrected': { severity: 'info', message: 'Country "{input}" read as {name} (spelling corrected).' },
  'country.historical': { severity: 'info', message: '"{input}" is a former name; mapped to {name}.' },
  'country.constituent': { severity: 'info', message: '"{input}" is part of {name} ({subdivision}).' },
  'state.ambiguous': { severity: 'warning', message: 'State "{input}" is ambiguous: could be {candidates}.' },
  'state.unknown': { severity: 'warning', message: 'State "{input}" is not recognised{where}.' },
  'state.country_mismatch': { severity: 'warning', message: 'State "{input}" is not in {country}; it matches {found}.' },
  'state.typo_corrected': { severity: 'info', message: 'State "{input}" read as {name} (spelling corrected).' },
  'postal.invalid': { severity: 'warning', message: 'Postal code "{input}" is not a valid {country} postal code.' },
  'postal.unrecognised': { severity: 'info', message: 'Postal code "{input}" has no recognisable format without a country.' },
  'postal.zero_padded': { severity: 'info', message: 'Postal code "{input}" lost its leading zeros; restored as {postalCode}.' },
  'postal.border_area': { severity: 'info', message: 'Postal area {area} straddles a border; {state} is a guess.' },
  'phone.invalid': { severity: 'warning', message: 'Phone "{input}" is not a valid number{where}.' },
  'phone.too_short': { severity: 'warning', message: 'Phone "{input}" is too short to be a number.' },
  'phone.too_long': { severity: 'warning', message: 'Phone "{input}" is too long to be a number.' },
  'phone.not_a_number': { severity: 'warning', message: '"{input}" is not a phone number.' },
  'phone.no_country': { severity: 'warning', message: 'Phone "{input}" has no country code and no default country is known.' },
  'phone.country_guessed': { severity: 'info', message: 'Country code +{callingCode} is shared; assumed {country} (could also be {alternatives}).' },
  'phone.multiple': { severity: 'info', message: 'Several numbers in one cell; kept the first, the others were: {others}.' },
  'phone.vanity_converted': { severity: 'info', message: 'Letters in "{input}" read as keypad digits.' },
  'geo.filled': { severity: 'info', message: '{field} filled with {value} from {source}.' },
  'geo.country_was_state': { severity: 'warning', message: 'Country "{input}" reads as the state {state} of {country} ({source}); country set to {country}, state to {state}.' },
  'geo.conflict': { severity: 'warning', message: '{field} {value} conflicts with {source} ({other}); left unchanged.' },
  // --- job titles (classifyTitle) ------------------------------------------------
  'title.unclassified': { severity: 'info', message: 'No job level or function recognised in "{title}".' },
  'title.partial': { severity: 'info', message: 'Only part of "{title}" was recognised; the {missing} is unknown.' },
  'title.junk': { severity: 'warning', message: 'Title "{title}" is a placeholder or junk value.' },
  'title.ambiguous': { severity: 'info', message: '"{acronym}" can mean {readings}; read as {chosen}.' },
  'title.truncated': { severity: 'info', message: 'Title is {length} characters; only the first {max} were classified.' },
  // --- contact and company fields (email, person name, company, website) ----------
  'email.invalid': { severity: 'error', message: 'Not a valid email address: {reason}.' },
  'email.extracted': { severity: 'info', message: 'Address extracted from "{original}".' },
  'email.multiple': { severity: 'warning', message: 'Several addresses found; kept "{email}", dropped {dropped}.' },
  'email.domain_corrected': { severity: 'info', message: 'Email domain "{from}" corrected to "{to}" (original "{original}").' },
  'email.domain_suggestion': { severity: 'warning', message: 'Email domain "{domain}" may be a typo of {suggestions}; left unchanged.' },
  'email.free_provider': { severity: 'info', message: 'Free email provider ({domain}).' },
  'email.disposable': { severity: 'warning', message: 'Disposable email domain ({domain}).' },
  'email.role_account': { severity: 'info', message: 'Role account ({local}@), not a person.' },
  'email.junk': { severity: 'warning', message: 'Placeholder or test email address: {reason}.' },
  'name.junk': { severity: 'warning', message: 'Name looks like a placeholder or junk: {reason}.' },
  'name.swapped': { severity: 'info', message: 'Name written "Last, First"; parts swapped.' },
  'name.part_moved': { severity: 'info', message: '{part} "{text}" moved out of {from} into {to}.' },
  'name.split': { severity: 'info', message: 'Full name "{original}" found in {field}; split into parts.' },
  'name.multiple_people': { severity: 'warning', message: 'Name "{original}" seems to name more than one person.' },
  'name.possibly_swapped': { severity: 'warning', message: 'First name "{first}" and last name "{last}" may be swapped.' },
  'name.recased': { severity: 'info', message: 'Name recased from "{original}".' },
  'company.only_legal_form': { severity: 'warning', message: 'Company name "{original}" is only a legal form.' },
  'company.junk': { severity: 'warning', message: 'Company name looks like a placeholder: {reason}.' },
  'company.recased': { severity: 'info', message: 'Company name recased from "{original}".' },
  'website.invalid': { severity: 'warning', message: 'Not a usable website: {reason}.' },
  'website.from_email': { severity: 'info', message: 'Website taken from the email address "{original}".' },
  'website.social_profile': { severity: 'warning', message: 'Website is a profile on {domain}, not the company site.' },
  // --- deduplication (issue 7: src/dedupe) ---------------------------------------
  'dedupe.merged': { severity: 'info', message: 'Merged with {count} duplicate record(s) (rows {rows}) into cluster {cluster}.' },
  'dedupe.review': { severity: 'warning', message: 'Possible duplicate of row {other} (match probability {probability}): {reason}; left for review.' },
  'dedupe.block_skipped': { severity: 'warning', message: 'Blocking rule {rule}: {count} block(s) larger than {max} records skipped (largest "{key}", {size} records); pairs inside them were not compared.' },
  'dedupe.existing_update': { severity: 'info', message: 'Matches existing record {id} (match probability {probability}); update it.' },
  'dedupe.existing_review': { severity: 'warning', message: 'May match existing record {id} (match probability {probability}); left for review.' },
  // --- account matching (issue 8: src/match/accounts) ------------------------------
  'account.no_match': { severity: 'info', message: 'No account matched{best}.' },
  'account.ambiguous': { severity: 'warning', message: 'Accounts {candidates} match equally well; none chosen by the tie-breakers.' },
  'account.skipped': { severity: 'warning', message: 'Account row {row} skipped: {reason}.' },
  'account.duplicate_id': { severity: 'warning', message: 'Account id "{id}" appears more than once; the later row is ignored.' },
  // --- pipeline -----------------------------------------------------------------
  'row.empty': { severity: 'warning', message: 'Row has no values.' },
  'step.failed': { severity: 'error', message: 'Step {step} failed on this value and left it unchanged: {reason}.' },
  // --- streaming parse (issue 9: src/io/stream.ts) -------------------------------
  'file.encoding_invalid_late': {
    severity: 'warning',
    message: 'Bytes that are not valid UTF-8 appear after the first {checked} bytes used to detect the encoding; they were replaced. Read whole, the file would have been decoded as Windows-1252.',
  },
} as const satisfies Record<string, CodeSpec>;

/** Every issue code leadtidy can emit. */
export type IssueCode = keyof typeof CATALOG;

/** A typed finding about a value, a cell, a row or a file. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** Canonical field (or header) the issue is about. */
  readonly field?: string;
  /** Row number as a spreadsheet shows it (1-based; the header row counts). */
  readonly row?: number;
  /** Values the message was rendered from (candidates, original value, …). */
  readonly data?: Readonly<Record<string, unknown>>;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function render(template: string, data: Readonly<Record<string, unknown>> | undefined): string {
  if (!data) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, name)) return whole;
    const v = data[name];
    return Array.isArray(v) ? v.join(', ') : String(v);
  });
}

/** Builds an issue with the catalog's severity and rendered message. */
export function issue(
  code: IssueCode,
  data?: Readonly<Record<string, unknown>>,
  extra?: { readonly field?: string; readonly row?: number; readonly severity?: Severity },
): Issue {
  const spec: CodeSpec = CATALOG[code];
  const out: { -readonly [K in keyof Issue]: Issue[K] } = {
    code,
    severity: extra?.severity ?? spec.severity,
    message: render(spec.message, data),
  };
  if (extra?.field !== undefined) out.field = extra.field;
  if (extra?.row !== undefined) out.row = extra.row;
  if (data !== undefined) out.data = data;
  return out;
}

/** The catalog, for documentation and for rendering messages in another language. */
export function issueCatalog(): Readonly<Record<IssueCode, CodeSpec>> {
  return CATALOG;
}

/** Whether a string is a known issue code. */
export function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(CATALOG, code);
}
