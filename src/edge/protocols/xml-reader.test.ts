import { describe, expect, it } from 'vitest';
import { child, childrenNamed, parseXml, XmlSyntaxError } from './xml-reader.js';

describe('parseXml', () => {
  it('reads a Delete document as the SDKs send it', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a &amp; b</Key></Object>' +
        '<Object><Key><![CDATA[<raw>]]></Key><VersionId>null</VersionId></Object><Quiet>true</Quiet></Delete>',
    );
    expect(root.name).toBe('Delete');
    expect(childrenNamed(root, 'Object').map((o) => child(o, 'Key')?.text)).toEqual(['a & b', '<raw>']);
    expect(child(root, 'Quiet')?.text).toBe('true');
  });

  it('drops namespace prefixes and attributes, and decodes character references', () => {
    const root = parseXml("<s3:CreateBucketConfiguration xmlns:s3='x' a=\"1\"><s3:LocationConstraint>eu&#45;west&#x2D;1</s3:LocationConstraint></s3:CreateBucketConfiguration>");
    expect(root.name).toBe('CreateBucketConfiguration');
    expect(child(root, 'LocationConstraint')?.text).toBe('eu-west-1');
  });

  it('reads self-closing elements, comments and processing instructions', () => {
    const root = parseXml('<!-- c --><Root><Empty/><!-- inner --><?pi x?><Text>t</Text></Root><!-- after -->');
    expect(root.children.map((c) => c.name)).toEqual(['Empty', 'Text']);
  });

  it.each([
    ['a DOCTYPE (no entity expansion)', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'],
    ['an unknown entity', '<x>&nbsp;</x>'],
    ['a bare ampersand', '<x>a & b</x>'],
    ['mismatched tags', '<x><y></x></y>'],
    ['an unclosed element', '<x><y>'],
    ['content after the root', '<x/><y/>'],
    ['no element at all', 'just text'],
    ['an empty document', ''],
  ])('refuses %s', (_what, source) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError);
  });
});
