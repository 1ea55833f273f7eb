// S3's REST XML, written: the 2006-03-01 namespace on the root, elements in the order S3 sends them, text escaped
// once. Elements are built as Xml values, so text and markup cannot be mixed up (no double or missing escaping).

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
export const XML_CONTENT_TYPE = 'application/xml';

export interface Xml {
  readonly xml: string;
}

export type XmlText = string | number | boolean | Date;
/** Absent children (undefined, false) are left out, so optional elements read naturally at the call site. */
export type XmlChild = Xml | undefined | false;

export function element(name: string, content?: XmlText | readonly XmlChild[]): Xml {
  if (content === undefined || content === '') return { xml: `<${name}/>` };
  const inner = Array.isArray(content) ? renderChildren(content) : escapeXml(textOf(content as XmlText));
  return { xml: `<${name}>${inner}</${name}>` };
}

/** An element only when its text is present: S3 omits empty optional members. */
export function optionalElement(name: string, content: XmlText | undefined): Xml | undefined {
  return content === undefined ? undefined : element(name, content);
}

/** `namespace` null: no xmlns (S3's <Error> documents have none). */
export function xmlDocument(root: string, content: XmlText | readonly XmlChild[], namespace: string | null = S3_NAMESPACE): string {
  const attributes = namespace ? ` xmlns="${namespace}"` : '';
  const inner = Array.isArray(content) ? renderChildren(content) : escapeXml(textOf(content as XmlText));
  const body = inner === '' ? `<${root}${attributes}/>` : `<${root}${attributes}>${inner}</${root}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

/** S3 times in XML: ISO 8601 with milliseconds. */
export function xmlTimestamp(date: Date): string {
  return date.toISOString();
}

/** S3 times in headers (Last-Modified): RFC 7231 IMF-fixdate. */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => ENTITIES[c] ?? `&#x${c.charCodeAt(0).toString(16)};`);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

function textOf(content: XmlText): string {
  return content instanceof Date ? xmlTimestamp(content) : String(content);
}

function renderChildren(children: readonly XmlChild[]): string {
  return children.map((child) => (child ? child.xml : '')).join('');
}
