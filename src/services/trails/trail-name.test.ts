import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors/service-error.js';
import { checkTrailName, trailNameProblem } from './trail-name.js';

describe('trail names', () => {
  it.each(['abc', 'My-Trail_1.x', 'a'.repeat(128), '1trail', 'trail.2025-01', '192.168.5'])('accepts %s', (name) => {
    expect(trailNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['ab', 'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.'],
    ['', 'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 0 characters.'],
    ['a'.repeat(129), 'Trail name too long. Maximum allowed length: 128 characters. Specified name length: 129 characters.'],
    ['-trail', 'Trail name must starts with a letter or number.'],
    ['_trail', 'Trail name must starts with a letter or number.'],
    ['trail.', 'Trail name must ends with a letter or number.'],
    ['my trail', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).'],
    ['my/trail', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).'],
    ['trail:x', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).'],
  ])('refuses %j with the message AWS gives', (name, message) => {
    expect(trailNameProblem(name)).toBe(message);
  });

  it.each(['my-_namespace', 'my--namespace', 'a..b', 'a._b'])('refuses adjacent punctuation in %s', (name) => {
    expect(trailNameProblem(name)).toMatch(/adjacent/);
  });

  it('refuses a name that looks like an IPv4 address', () => {
    expect(trailNameProblem('192.168.5.4')).toMatch(/IP address/);
  });

  it('throws InvalidTrailNameException', () => {
    expect(() => checkTrailName('x')).toThrow(ServiceError);
    try {
      checkTrailName('x');
    } catch (err) {
      expect((err as ServiceError).code).toBe('InvalidTrailNameException');
    }
  });
});
