// Keeps the error catalogue, docs/errors.md and the operations' declared errors in step (the fastify way), and
// checks each operation declares exactly the errors the CloudTrail model lists for it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, isErrorCode } from '../src/errors/catalogue.js';
import { CLOUDTRAIL_OPERATIONS } from '../src/operations/cloudtrail/cloudtrail-operations.js';
import { REPO_ROOT } from './support/server-process.js';

const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs/errors.md'), 'utf8');
const documented = new Map(
  [...docs.matchAll(/^\| `(\w+)` \| (\d{3}) \| (client|server) \|/gm)].map((m) => [m[1]!, { status: Number(m[2]), fault: m[3] }]),
);
const spec = fs.readFileSync(path.join(REPO_ROOT, '../shared/spec/cloudtrail.md'), 'utf8');

function modelErrors(operation: string): string[] {
  const section = spec.split(`##### ${operation}\n`)[1]?.split('\n#####')[0] ?? '';
  const line = /^Errors: (.*)$/m.exec(section)?.[1] ?? '';
  return [...line.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
}

describe('the error catalogue', () => {
  it('is documented code for code in docs/errors.md, with the same status and fault', () => {
    for (const [code, def] of Object.entries(ERROR_CATALOGUE)) {
      expect(documented.get(code), code).toEqual({ status: def.status, fault: def.fault });
    }
    expect([...documented.keys()].filter((code) => !isErrorCode(code))).toEqual([]);
  });

  for (const [name, operation] of CLOUDTRAIL_OPERATIONS) {
    it(`${name} declares exactly the model's errors, all catalogued`, () => {
      expect(operation.errors.every(isErrorCode)).toBe(true);
      expect([...operation.errors].sort()).toEqual(modelErrors(name).sort());
    });
  }
});
