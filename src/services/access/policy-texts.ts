// Policy documents are stored as the text IAM was given; parsing one is far dearer than a map lookup, so parsed
// documents are kept by text (the same text always parses the same way).
import { parsePolicyDocument, type PolicyDocument, type PolicyKind } from '../../domain/policy/index.js';

const LIMIT = 10_000;

export class PolicyTexts {
  private readonly parsed = new Map<string, PolicyDocument>();

  parse(text: string, kind: PolicyKind): PolicyDocument {
    const key = `${kind}\u0000${text}`;
    let document = this.parsed.get(key);
    if (!document) {
      document = parsePolicyDocument(text, kind);
      if (this.parsed.size >= LIMIT) this.parsed.clear();
      this.parsed.set(key, document);
    }
    return document;
  }
}
