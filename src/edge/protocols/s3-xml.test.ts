import { describe, expect, it } from 'vitest';
import { element, escapeXml, optionalElement, xmlDocument, S3_NAMESPACE } from './s3-xml.js';

describe('S3 XML writing', () => {
  it('writes a document with the S3 namespace on the root, children in order, absent ones left out', () => {
    const xml = xmlDocument('ListBucketResult', [
      element('Name', 'b'),
      element('Prefix', ''),
      optionalElement('NextMarker', undefined),
      false,
      element('MaxKeys', 1000),
      element('IsTruncated', false),
      element('Contents', [element('Key', 'k'), element('LastModified', new Date(Date.UTC(2025, 2, 10, 12, 0, 5)))]),
    ]);
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${S3_NAMESPACE}"><Name>b</Name><Prefix/><MaxKeys>1000</MaxKeys>` +
        '<IsTruncated>false</IsTruncated><Contents><Key>k</Key><LastModified>2025-03-10T12:00:05.000Z</LastModified></Contents></ListBucketResult>',
    );
  });

  it('writes a text-only root, and an empty one, and none without a namespace when asked', () => {
    expect(xmlDocument('LocationConstraint', 'eu-west-1')).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_NAMESPACE}">eu-west-1</LocationConstraint>`);
    expect(xmlDocument('LocationConstraint', '')).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_NAMESPACE}"/>`);
    expect(xmlDocument('Error', [element('Code', 'NoSuchKey')], null)).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code></Error>');
  });

  it('escapes text once, markup never', () => {
    expect(element('Key', `a<b>&"c'`).xml).toBe('<Key>a&lt;b&gt;&amp;&quot;c&apos;</Key>');
    expect(element('Key', '&amp;').xml).toBe('<Key>&amp;amp;</Key>');
    expect(element('Outer', [element('Key', '<')]).xml).toBe('<Outer><Key>&lt;</Key></Outer>');
  });

  it('writes control characters as character references, and keeps Unicode', () => {
    expect(escapeXml('a\u0001b\r\nc\té😀')).toBe('a&#x1;b&#13;\nc\té😀');
  });
});
