// S3 bucket policies: kept with the identity entities (bucket names are global, so under account ''), validated as
// resource policies when put, and read parsed for authorization.
import type { PolicyDocument } from '../../domain/policy/index.js';
import type { IdentityStore } from '../../store/identity-store.js';
import type { PolicyTexts } from './policy-texts.js';

const GLOBAL = '';

export class BucketPolicies {
  constructor(private readonly store: IdentityStore, private readonly texts: PolicyTexts) {}

  async text(bucket: string): Promise<string | undefined> {
    return (await this.store.directory.find(GLOBAL, 'bucket-policy', bucket))?.document;
  }

  async documents(bucket: string): Promise<PolicyDocument[]> {
    const text = await this.text(bucket);
    return text === undefined ? [] : [this.texts.parse(text, 'resource')];
  }

  /** Throws PolicyDocumentError (→ MalformedPolicy) for a document that is not a valid resource policy. */
  async put(bucket: string, document: string): Promise<void> {
    this.texts.parse(document, 'resource');
    await this.store.changes.save(GLOBAL, 'bucket-policy', { bucket, document });
  }

  async remove(bucket: string): Promise<void> {
    await this.store.changes.remove(GLOBAL, 'bucket-policy', bucket);
  }
}
