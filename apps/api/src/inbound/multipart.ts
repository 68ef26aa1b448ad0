/** A file part of a multipart body: its metadata only (the bytes stay in the stored raw body). */
export interface MultipartFile {
  filename: string;
  contentType: string;
  size: number;
}

export interface MultipartBody {
  fields: Record<string, string | string[]>;
  files: Record<string, MultipartFile | MultipartFile[]>;
}

function add<T>(record: Record<string, T | T[]>, key: string, value: T): void {
  const existing = record[key];
  if (existing === undefined) record[key] = value;
  else record[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

function param(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\*?=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(header);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim();
}

/** The boundary of a `multipart/form-data` content type, or null. */
export function multipartBoundary(contentType: string | null | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType.trim())) return null;
  const boundary = param(contentType, 'boundary');
  return boundary && boundary.length <= 200 ? boundary : null;
}

/**
 * Parses a whole `multipart/form-data` body held in memory: text fields by name (repeated names
 * become arrays), files as name, type and size. Throws when the body has no valid part structure.
 */
export function parseMultipart(raw: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const body: MultipartBody = { fields: {}, files: {} };
  let at = raw.indexOf(delimiter);
  if (at < 0) throw new Error('the body has no multipart boundary');
  for (;;) {
    at += delimiter.length;
    if (raw[at] === 0x2d && raw[at + 1] === 0x2d) return body;
    const next = raw.indexOf(delimiter, at);
    if (next < 0) throw new Error('the multipart body is not terminated');
    let part = raw.subarray(at, next);
    if (part[0] === 0x0d && part[1] === 0x0a) part = part.subarray(2);
    if (part.length >= 2 && part[part.length - 2] === 0x0d && part[part.length - 1] === 0x0a) part = part.subarray(0, part.length - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headerText = (headerEnd < 0 ? part : part.subarray(0, headerEnd)).toString('utf8');
    const content = headerEnd < 0 ? Buffer.alloc(0) : part.subarray(headerEnd + 4);
    const headers = new Map<string, string>();
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    const name = param(disposition, 'name') ?? '';
    const filename = param(disposition, 'filename');
    if (filename !== undefined)
      add(body.files, name, { filename, contentType: headers.get('content-type') ?? 'application/octet-stream', size: content.length });
    else add(body.fields, name, content.toString('utf8'));
    at = next;
  }
}
