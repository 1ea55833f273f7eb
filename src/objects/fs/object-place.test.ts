import { describe, expect, it } from 'vitest';
import { ObjectPlaces, objectPlace } from './object-place.js';

describe('ObjectPlaces', () => {
  it('places every key exactly as objectPlace does, the folder worked out once per prefix', () => {
    const places = new ObjectPlaces('/root');
    const keys = [
      'AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/24/a.json.gz',
      'AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/24/B.json.gz',
      'AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/24/',
      'AWSLogs//x',
      'no-slash',
      '.hidden/..',
      'ünïcode/日本/ключ',
      `long/${'x'.repeat(450)}`,
      `${'y'.repeat(300)}/z`,
    ];
    for (const key of [...keys, ...keys]) expect(places.of('bucket', key)).toEqual(objectPlace('/root', 'bucket', key));
    expect(places.of('other', keys[0]!)).toEqual(objectPlace('/root', 'other', keys[0]!));
  });

  it('refuses what objectPlace refuses', () => {
    const places = new ObjectPlaces('/root');
    places.of('bucket', 'a/b');
    expect(() => places.of('bucket', '')).toThrow();
    expect(() => places.of('bucket', `a/${'\ud800'}`)).toThrow();
    expect(() => places.of('Not_A_Bucket', 'a/b')).toThrow();
  });
});
