// Keeps the IAM and STS operations in step with botocore's models (installed with the AWS CLI): every operation
// exists in the model, and declares exactly the error codes the model lists for it, all catalogued.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors/catalogue.js';
import { IAM_OPERATIONS } from '../src/operations/iam/iam-operations.js';
import { STS_OPERATIONS } from '../src/operations/sts/sts-operations.js';

interface Model {
  operations: Record<string, { errors?: Array<{ shape: string }> }>;
  shapes: Record<string, { error?: { code?: string } }>;
}

const botocore = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();

function model(service: string, version: string): Model {
  const file = path.join(botocore, 'data', service, version, 'service-2.json.gz');
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as Model;
}

function modelErrors(m: Model, operation: string): string[] {
  return (m.operations[operation]?.errors ?? []).map((e) => m.shapes[e.shape]?.error?.code ?? e.shape);
}

for (const [service, version, operations] of [['iam', '2010-05-08', IAM_OPERATIONS], ['sts', '2011-06-15', STS_OPERATIONS]] as const) {
  describe(`${service} operations`, () => {
    const m = model(service, version);
    for (const [name, operation] of operations) {
      it(`${name} declares exactly the model's errors, all catalogued`, () => {
        expect(m.operations[name], name).toBeDefined();
        expect(operation.errors.every(isErrorCode)).toBe(true);
        expect([...operation.errors].sort()).toEqual(modelErrors(m, name).sort());
      });
    }
  });
}
